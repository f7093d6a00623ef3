"""newsprism: one news story through all of its sources.

>>> import newsprism
>>> dossier = newsprism.analyze(["examples/seeds"])      # doctest: +SKIP
>>> options = newsprism.Options(broad_quotes=True)       # beliefs and stances too
>>> broad = newsprism.analyze(["examples/seeds"], options=options)  # doctest: +SKIP
>>> print(dossier.to_json())                              # doctest: +SKIP
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from .errors import (
    InputError,
    ModelError,
    NewsprismError,
    OptionsError,
    PipelineError,
    StoreError,
)
from .model import (
    Article,
    ArticleNLP,
    Claim,
    ClaimGroup,
    Dossier,
    Entity,
    PairResult,
    Passage,
    Quote,
    ReuseLink,
    Speaker,
    Statement,
    Story,
)
from .options import Options

# `newsprism.quotes(text)` is the contract's function; binding it here, after the
# subpackage of the same name was imported, makes the attribute the function.
from .quotes import quotes  # the function: `newsprism.quotes(text)` (CONTRACT.md)
from .store import MemoryStore, SQLiteStore, Store, open_store

if TYPE_CHECKING:
    from ._api import IngestReport, analyze, analyze_articles, ingest_sources
    from .reuse import compare

# Entry points that pull in the readers and NLP load on first use (PEP 562), so
# that `import newsprism` for the data model stays cheap.
_LAZY = {
    "IngestReport": "._api",
    "analyze": "._api",
    "analyze_articles": "._api",
    "compare": ".reuse",
    "ingest_sources": "._api",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'newsprism' has no attribute {name!r}")


__all__ = [
    "Article",
    "ArticleNLP",
    "Claim",
    "ClaimGroup",
    "Dossier",
    "Entity",
    "IngestReport",
    "InputError",
    "MemoryStore",
    "ModelError",
    "NewsprismError",
    "Options",
    "OptionsError",
    "PairResult",
    "Passage",
    "PipelineError",
    "Quote",
    "ReuseLink",
    "SQLiteStore",
    "Speaker",
    "Statement",
    "Store",
    "StoreError",
    "Story",
    "analyze",
    "analyze_articles",
    "compare",
    "ingest_sources",
    "open_store",
    "quotes",
]
__version__ = "0.1.0"

# A library logs and never prints: silent unless the application configures logging.
logging.getLogger(__name__).addHandler(logging.NullHandler())
