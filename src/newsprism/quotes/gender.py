"""The grammatical gender a name or description carries, for "he" and "she".

A pronoun must agree with its antecedent: "she said" after "Chris Wallace
asked Claire McCaskill" is McCaskill.  The evidence, strongest first: an
honorific the article writes before the name ("Mr. Holtz-Eakin", "Ms.
Price"), a gendered role noun ("congresswoman", "mother of three"), then the
given name against a list of common English given names shipped as data
(``data/first_names.txt``: no network, no model).  Names used for both
genders are not in the list, so the answer is often "unknown", and unknown
agrees with both pronouns.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

__all__ = [
    "Gender",
    "agrees",
    "first_name_gender",
    "given_name_gender",
    "pronoun_gender",
    "word_gender",
]

Gender = Literal["m", "f"]


def _split(text: str) -> list[str]:
    return text.split()


_HONORIFICS: dict[str, Gender] = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m"}
_NOUNS: dict[str, Gender] = {
    **dict.fromkeys(
        _split(
            "man boy father husband son brother grandfather uncle nephew king prince lord actor "
            "congressman spokesman chairman businessman councilman assemblyman anchorman "
            "sportsman gentleman widower dad"
        ),
        "m",
    ),
    **dict.fromkeys(
        _split(
            "woman girl mother wife daughter sister grandmother aunt niece queen princess lady "
            "actress congresswoman spokeswoman chairwoman businesswoman councilwoman "
            "assemblywoman anchorwoman sportswoman widow mom mum"
        ),
        "f",
    ),
}
_PRONOUNS: dict[str, Gender] = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}


@cache
def _given_names() -> dict[str, Gender]:
    text = resources.files("newsprism.quotes").joinpath("data/first_names.txt").read_text("utf-8")
    out: dict[str, Gender] = {}
    for line in text.splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        name, g = line.split("\t", 1)
        if g in ("m", "f"):
            out[name] = "m" if g == "m" else "f"
    return out


def given_name_gender(name: str) -> Gender | None:
    """Gender of a full name's given name ("Hillary Clinton" -> "f"), if the list knows it."""
    words = [w.strip(".,").lower() for w in name.split()]
    if len(words) < 2:
        return None
    return _given_names().get(words[0])


def first_name_gender(word: str) -> Gender | None:
    """Gender of a given name written alone ("Ruth" -> "f"), if the list knows it."""
    return _given_names().get(word.strip(".,").lower())


def word_gender(word: str) -> Gender | None:
    """Gender an honorific or a role noun carries ("Mrs." -> "f", "spokesman" -> "m")."""
    w = word.lower().strip(".,()")
    return _HONORIFICS.get(w) or _NOUNS.get(w)


def pronoun_gender(word: str) -> Gender | None:
    return _PRONOUNS.get(word.lower())


def agrees(want: Gender | None, have: Gender | None) -> bool:
    """Whether a pronoun of gender ``want`` can stand for a name of gender ``have``."""
    return want is None or have is None or want == have
