"""Second look at a broad-mode candidate: does the whole attribution hold up?

The cue classifier (:func:`.cues.cue_probability`) sees one word and its
frame.  Whether annotators mark an attribution also depends on the rest of
it: a source found as the verb's own subject or only by climbing the parse,
a named or an abstract source, a clause or a noun phrase as content, and
whether the candidate sits inside another one's content (PolNeAR labels each
token once, so a verb inside "X said that ..." is rarely an attribution of its
own).  A logistic model over those features, learned on PolNeAR train
(the ``quotes_rerank`` artifact, see :mod:`.models`, trained by
``benchmarks/bench_quotes_train_model.py``), keeps a candidate when it finds
the source likely right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import frame, lemma, subject_kind
from .lexicon import CUE_VERBS
from .models import RERANK_THRESHOLD, QuoteModels, logistic, shipped
from .spans import source_phrase

if TYPE_CHECKING:
    from .layout import Layout
    from .records import Attribution

__all__ = ["RERANK_THRESHOLD", "Context", "has_model", "rerank_features", "rerank_probability"]


def has_model(models: QuoteModels | None = None) -> bool:
    """Whether there are reranker weights (without them broad mode keeps strong cues only)."""
    return bool((models or shipped()).rerank.weights)


class Context:
    """What the candidates of one article say about each other."""

    def __init__(self, atts: list[Attribution], lay: Layout) -> None:
        self.lay = lay
        #: token -> highest cue probability of a candidate whose content holds it
        self.in_content: dict[int, float] = {}
        #: token -> highest cue probability of a candidate whose source holds it
        self.in_source: dict[int, float] = {}
        self.phrase: dict[int, tuple[int, int]] = {}
        for att in atts:
            if att.cue is None:
                continue
            for a, b in att.content:
                for i in range(a, b):
                    self.in_content[i] = max(self.in_content.get(i, 0.0), att.p)
            if att.source is not None:
                a, b = source_phrase(att.source, att.cue)
                self.phrase[att.cue.i] = (a, b)
                for i in range(a, b):
                    if i != att.cue.i:
                        self.in_source[i] = max(self.in_source.get(i, 0.0), att.p)


def _level(p: float | None) -> str:
    if p is None:
        return "none"
    return "strong" if p >= 0.5 else "weak"


def _size(n: int) -> str:
    return "1" if n <= 1 else "2" if n <= 3 else "4" if n <= 7 else "8" if n <= 15 else "16"


def rerank_features(att: Attribution, ctx: Context) -> list[str]:
    """Sparse features of one candidate attribution (with a cue)."""
    cue = att.cue
    assert cue is not None
    kind = "verb" if cue.pos_ == "VERB" else "adj" if cue.dep_ == "acomp" else "noun"
    if cue.lower_ == "according":
        kind = "according"
    lem = lemma(cue)
    pb = min(9, int(att.p * 10))
    feats = [
        f"kind={kind}",
        f"pb={pb}",
        f"kind|pb={kind}|{pb}",
        f"pb20={min(19, int(att.p * 20))}",
        f"lex={lem in CUE_VERBS}|{kind}",
        f"lem={kind}|{lem}",
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"para0={ctx.lay.para[cue.i] == 0}",
    ]
    src = att.source
    if src is None:
        feats.append("src=none")
    else:
        rel = f"child:{src.dep_}" if src.head.i == cue.i else "far"
        feats += [
            f"rel={rel}",
            f"kind|rel={kind}|{rel}",
            f"skind={subject_kind(src)}",
            f"sent={src.ent_type_ or src.pos_}",
            f"sbefore={src.i < cue.i}",
        ]
        a, b = ctx.phrase.get(cue.i, (src.i, src.i + 1))
        feats.append(f"slen={_size(b - a)}")
        feats += [f"schild={c.dep_}" for c in src.children if c.i > src.i and c.dep_ != "punct"]
    n = sum(b - a for a, b in att.content)
    content = "ccomp" if any(c.dep_ == "ccomp" for c in cue.children) else frame(cue)
    feats += [f"content={content}", f"clen={_size(n)}", f"kind|content={kind}|{content}"]
    if ctx.lay.touched(att.content):
        feats.append("quote")
    outer_c = _level(ctx.in_content.get(cue.i))
    outer_s = _level(ctx.in_source.get(cue.i))
    feats += [f"inside_content={outer_c}", f"inside_source={outer_s}"]
    feats.append(f"pb|inside={pb}|{outer_c}")
    return feats


def rerank_probability(att: Attribution, ctx: Context, models: QuoteModels | None = None) -> float:
    """Probability that the candidate is an attribution with this source."""
    return logistic((models or shipped()).rerank.score(rerank_features(att, ctx)))
