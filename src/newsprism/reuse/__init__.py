"""Who copied whom: text reuse between news articles.

* :func:`compare` -- the verdict for two texts (copy, edited, rewrite, partial,
  independent, unrelated) with the aligned passages as evidence;
* :func:`analyze_reuse` -- the pairs within each story that share text, derivation
  families and the number of independent sources per story;
* :func:`signature` / :func:`candidates` -- scalable candidate pairs for a large corpus
  (MinHash LSH with a document-frequency cap), engine-friendly.

Direction strings: ``"a->b"`` means a is the source and b derives from it;
``"common-source"`` marks siblings rewritten from one origin.
"""

from __future__ import annotations

from .analyze import ALL_PAIRS_LIMIT, analyze_reuse
from .candidates import CandidateConfig, Signature, candidates, doc_freq, minhashes, signature
from .compare import compare, compare_if_shared, compare_prepared
from .prepare import Prepared, prepare

__all__ = [
    "ALL_PAIRS_LIMIT",
    "CandidateConfig",
    "Prepared",
    "Signature",
    "analyze_reuse",
    "candidates",
    "compare",
    "compare_if_shared",
    "compare_prepared",
    "doc_freq",
    "minhashes",
    "prepare",
    "signature",
]
