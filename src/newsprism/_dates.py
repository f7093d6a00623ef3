"""One reading of an article's ``published`` value, shared by every stage that orders by it.

Story clustering orders the stream by it, the batch engines block the stream by it and
reuse dates a copy against its source by it: they must agree on what is dated and when.
"""

from __future__ import annotations

from datetime import UTC, datetime

__all__ = ["published_day"]


def published_day(published: str | None) -> float | None:
    """Days since the epoch (UTC) of an ISO ``published`` value, None when absent or unreadable.

    A value without a zone is read as UTC, so that dated articles from one feed order
    the same way wherever newsprism runs.
    """
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp() / 86400.0
