"""Word lists shared by stages that weigh words (claims grouping, story features)."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: Calendar words: capitalised yet naming no one, and saying when, not what.
CALENDAR = frozenset((*WEEKDAYS, *MONTHS, "today", "yesterday"))
