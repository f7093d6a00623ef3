"""The ``published`` value every reader hands on: ISO 8601, plausible, or absent.

Readers copy a record's or a page's date as they find it; a value that no later
stage can read ("not a date", a year 20245) would be shown as if it were a date
and silently left out of every ordering.  :func:`check_published` turns an
RFC 2822 date (the feeds' and mail headers' form) into ISO 8601 and drops
anything else with a notice, keeping the text in ``metadata["date_text"]``.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from .._dates import published_day
from ..model import Article
from ._base import IngestNotice

#: Earliest year taken as a publication date; later than next year is refused too.
FIRST_YEAR = 1800


def _iso(text: str) -> str | None:
    """``text`` as an ISO 8601 date or time, if it is one (or an RFC 2822 date)."""
    value = text.strip()
    if published_day(value) is not None:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return value if _plausible(moment) else None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed.isoformat() if _plausible(parsed) else None


def _plausible(moment: datetime) -> bool:
    return FIRST_YEAR <= moment.year <= datetime.now(UTC).year + 1


def check_published(article: Article, source: str) -> tuple[Article, IngestNotice | None]:
    """``article`` with a readable ``published`` (or none), and the notice when one was
    changed away; ``source`` names the input in the notice."""
    if article.published is None:
        return article, None
    iso = _iso(article.published)
    if iso == article.published:
        return article, None
    if iso is not None:
        return dataclasses.replace(article, published=iso), None
    shown = article.published.strip()[:60]
    metadata = {**article.metadata, "date_text": article.published}
    notice = IngestNotice(source, f"published {shown!r} is not a date; left undated")
    return dataclasses.replace(article, published=None, metadata=metadata), notice
