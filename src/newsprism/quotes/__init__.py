"""Who said what: quotations, reported speech and their speakers.

Per article, :func:`extract` finds direct, partial and indirect quotations in
a spaCy parse and resolves their speakers; per story, :func:`group_statements`
gives each speaker one name and groups the quotes outlets share into
statements.  :func:`quotes` runs both on one text.
"""

from __future__ import annotations

from ..model import Article, Quote
from .extract import CAPABILITIES, extract
from .statements import group_statements, normalise_text

__all__ = ["CAPABILITIES", "extract", "group_statements", "normalise_text", "quotes"]


def quotes(text: str, article_id: str = "text", *, broad: bool = False) -> list[Quote]:
    """The quotations of one text with their speakers, names in their fullest form.

    ``broad`` also attributes beliefs and stances ("officials are wary of ..."),
    as PolNeAR annotates attribution: more recall, less precision than speech.
    """
    from .. import nlp  # spaCy loads lazily: importing newsprism stays cheap

    doc = next(nlp.parse([text], CAPABILITIES))
    article = Article(id=article_id, text=text)
    found, _ = group_statements(extract(article, doc, broad=broad), ())
    return list(found)
