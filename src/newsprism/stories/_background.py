"""Background document frequencies for small corpora.

The clusterer weighs a word by its inverse document frequency in the corpus it is
given.  In a folder of five articles about one event, the event's own words are in
every article, so they weigh least, and one-off background words weigh most: the
opposite of the weights the join model was calibrated on (a stream of hundreds of
events).  Run alone, 66 of 86 ECB+ events (their first five documents) came out as
two or more stories.  Counting a background of ordinary news (the
``stories_background`` model file: key -> documents, from FNC-1 and PolNeAR training
text, no ECB+ document) into the frequencies first restores the usual weights.

Its weight fades as the corpus grows: a corpus of ``n`` articles takes the share
``1 / n`` of it, so that a corpus of hundreds of events is weighed by itself (ECB+
whole, 982 documents: B-cubed F1 unchanged at 0.915 with the faded background, 0.899
with all of it).  A small share also keeps two events of one kind run together from
looking alike (their shared words, "rehab", "arrested", are rare in ordinary news):
ten articles of two such ECB+ events put 243 of 1,060 cross-event pairs in one story
with the share ``1 / n``, 313 with ``50 / n``, while five reports of one event stay
one story just as often (78 of 86 events).  Measured in ``benchmarks/RESULTS.md``
("stories of a handful of articles").
"""

from __future__ import annotations

import functools

from .. import artifacts

__all__ = ["background", "with_background"]


@functools.cache
def _table() -> tuple[dict[str, int], int]:
    art = artifacts.load("stories_background")
    return {str(k): int(v) for k, v in art["df"].items()}, int(art["docs"])


def background(corpus_docs: int) -> tuple[dict[str, int], int]:
    """(document frequencies, document count) to count in before a corpus of
    ``corpus_docs`` articles; empty for an empty corpus."""
    if corpus_docs <= 0:
        return {}, 0
    df, docs = _table()
    if corpus_docs == 1:
        return dict(df), docs
    share = 1.0 / corpus_docs
    scaled = {k: n for k, v in df.items() if (n := round(v * share)) > 0}
    return scaled, round(docs * share)


def with_background(df: dict[str, int], docs: int) -> tuple[dict[str, int], int]:
    """A corpus's counts (``df`` over ``docs`` documents) with the background added."""
    extra, extra_docs = background(docs)
    if not extra_docs:
        return df, docs
    merged = dict(extra)
    for k, v in df.items():
        merged[k] = merged.get(k, 0) + v
    return merged, docs + extra_docs
