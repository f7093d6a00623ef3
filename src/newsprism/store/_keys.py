"""Identity rules shared by every store implementation."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ..model import Article


def content_hash(article: Article) -> str:
    """The idempotency key: the same cleaned text *from the same source* is the same
    article.

    The same text from two outlets or two URLs is syndication, the commonest real
    reuse, so it stays two articles (reuse then pairs them as a copy).  An article
    with neither URL nor outlet is known by its text alone, as before.
    """
    if article.provenance and article.provenance.content_hash:
        text_key = article.provenance.content_hash
    else:
        normal = " ".join(article.text.split())
        text_key = hashlib.sha1(normal.encode("utf-8")).hexdigest()
    if not (article.url or article.outlet):
        return text_key
    source = f"{text_key}\x1f{article.url or ''}\x1f{article.outlet or ''}"
    return hashlib.sha1(source.encode("utf-8")).hexdigest()


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
