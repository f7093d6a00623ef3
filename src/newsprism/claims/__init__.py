"""What is corroborated and what conflicts: claims, groups, verdicts, and what hangs off them.

* :func:`extract_claims` -- per article (pure): every narrative sentence as a
  statement claim and the clauses around figures and dates as value claims, with
  normalised :class:`~newsprism.model.Value`s and a polarity (denials, debunks);
* :func:`group_claims` -- per story: claims of different articles that state one
  proposition aligned into one group (:mod:`.align`, a learned pair model), each
  group judged corroborated, single-source, conflicting (values or disputed) or
  imprecise; a loose or misnamed detail of the sentences is a group of its own
  (:mod:`.slots`), so the rest of what they say keeps its own verdict;
* :func:`build_timeline`, :func:`build_coverage` -- dated events in order; what
  each article adds and omits;
* :func:`extract_relations`, :func:`with_roles` -- who criticised, supports,
  contracts with or spoke to whom; roles of people from appositions and quotes.
"""

from __future__ import annotations

from .coverage import build_coverage
from .extract import CAPABILITIES, extract_claims
from .group import group_claims
from .relations import (
    add_roles,
    article_relations,
    article_roles,
    extract_relations,
    merge_relations,
    with_roles,
)
from .timeline import build_timeline
from .values import Amount, DateRange, amount_of, date_range, find_values, parse_amount

__all__ = [
    "CAPABILITIES",
    "Amount",
    "DateRange",
    "add_roles",
    "amount_of",
    "article_relations",
    "article_roles",
    "build_coverage",
    "build_timeline",
    "date_range",
    "extract_claims",
    "extract_relations",
    "find_values",
    "group_claims",
    "merge_relations",
    "parse_amount",
    "with_roles",
]
