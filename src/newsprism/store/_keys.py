"""Identity rules shared by every store implementation."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ..model import Article


def content_hash(article: Article) -> str:
    """The idempotency key: the same cleaned text is the same article."""
    if article.provenance and article.provenance.content_hash:
        return article.provenance.content_hash
    normal = " ".join(article.text.split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()


def unique_id(wanted: str, digest: str, taken: Callable[[str], bool]) -> str:
    """Keep the reader's id unless another article already has it.

    Two different files may share a stem (``a/story.txt``, ``b/story.txt``); the
    second gets a suffix from its content hash rather than overwriting the first.
    """
    if not taken(wanted):
        return wanted
    return suffixed_id(wanted, digest)


def suffixed_id(wanted: str, digest: str) -> str:
    """The id a clashing article gets; batch engines apply the same rule."""
    return f"{wanted}~{digest[:8]}"
