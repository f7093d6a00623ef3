"""Groups a reader should not see: loose chains and the leftovers of a split group
(examples written for the project, not the seeds)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsprism.claims.align import PAIR_ONLY, PAIR_STRONG
from newsprism.claims.group import _links, _split, _standing, _strays, _weak_chains
from newsprism.claims.values import find_values
from newsprism.claims.verdicts import Judgement, other_occasion
from newsprism.model import Claim

T = 0.15


def _claim(article: str, text: str, predicate: str | None = None) -> Claim:
    return Claim(
        id=f"{article}:c0",
        article=article,
        text=text,
        start=0,
        end=len(text),
        kind="value",
        predicate=predicate,
    )


def test_three_claims_joined_only_by_loose_pairs_are_not_a_group() -> None:
    # "Lantern Pictures has said the delay was a matter of budgets" / "The casting was
    # announced by Ivo Brandt, Lantern Pictures' producer" / "Lantern Pictures says no
    # contract has been signed yet": every pair just over the join threshold, so average
    # linkage takes all three, and no pair would make a group of two
    prob = {(0, 1): T * 1.2, (0, 2): T * 1.3, (1, 2): T * 1.1}
    assert _weak_chains([[0, 1, 2]], _links(prob), T) == [[0], [1], [2]]


def test_a_group_with_one_pair_that_stands_alone_keeps_its_loose_third_member() -> None:
    # two reports of one rescue linked firmly; a third outlet's wording only loosely
    prob = {(0, 1): T * PAIR_ONLY, (0, 2): T * 1.1, (1, 2): T * 0.9}
    assert _weak_chains([[0, 1, 2], [3]], _links(prob), T) == [[0, 1, 2], [3]]


def test_groups_of_two_are_left_to_the_two_claim_rule() -> None:
    assert _weak_chains([[0, 1]], _links({(0, 1): T * 1.1}), T) == [[0, 1]]


#: A group of figure clauses the split parted by its values: the clause with the date
#: left, the two others share the words "first-year pilot" and nothing else.
PILOTS = [
    _claim("ledger", "the airline grounded a first-year pilot", "ground"),
    _claim("courier", "After joining the airline as a first-year pilot, he flew 900 hours", "fly"),
    _claim("gazette", "The airline grounded the pilot on Tuesday", "ground"),
]


def test_a_part_left_by_a_split_falls_apart_when_its_pair_would_not_make_a_group() -> None:
    prob = {(0, 1): T * 2.4, (0, 2): T * 3.5, (1, 2): T * 0.5}
    # ledger's clause and courier's share a phrase: over the threshold but under the
    # bar of two claims with different predicates
    assert _standing([[0, 1], [2]], PILOTS, _links(prob), T) == [[0], [1], [2]]


def test_a_part_whose_pair_has_one_predicate_and_twice_the_threshold_stands() -> None:
    prob = {(0, 2): T * PAIR_ONLY}
    assert _standing([[0, 2], [1]], PILOTS, _links(prob), T) == [[0, 2], [1]]


def test_a_part_with_different_predicates_stands_at_the_strong_bar() -> None:
    prob = {(0, 1): T * PAIR_STRONG}
    assert _standing([[0, 1], [2]], PILOTS, _links(prob), T) == [[0, 1], [2]]


def test_a_larger_part_needs_the_linkage_mean() -> None:
    claims = [*PILOTS, _claim("herald", "the pilot, a first-year hire, was grounded", "ground")]
    weak = {(0, 1): T * 0.9, (0, 3): T * 0.9, (1, 3): T * 0.9}
    assert _standing([[0, 1, 3], [2]], claims, _links(weak), T) == [[0], [1], [3], [2]]
    firm = {(0, 1): T * 1.5, (0, 3): T * 0.9, (1, 3): T * 0.9}
    assert _standing([[0, 1, 3], [2]], claims, _links(firm), T) == [[0, 1, 3], [2]]


def test_a_group_the_split_left_whole_is_not_checked_again() -> None:
    # one part: the linkage made it, its own rules already held
    assert _standing([[0, 1]], PILOTS, _links({(0, 1): T * 1.1}), T) == [[0, 1]]


def _season(article: str, text: str) -> Claim:
    values = tuple(f.value for f in find_values(text, "2025-06-13"))
    return Claim(
        id=f"{article}:c0",
        article=article,
        text=text,
        start=0,
        end=len(text),
        values=values,
        kind="statement",
    )


#: One striker's two seasons, told by two outlets: every figure they share differs.
SEASONS = [
    _season("ledger", "He scored 14 goals in 31 league games and added 6 assists for the club."),
    _season("courier", "He had 22 goals in 36 league games with 9 assists a year earlier."),
]


def test_two_sentences_whose_shared_figures_all_differ_tell_two_occasions() -> None:
    assert other_occasion(SEASONS[0], SEASONS[1], {})
    same = _season("gazette", "He scored 14 goals in 31 league games this season.")
    assert not other_occasion(SEASONS[0], same, {})  # the figures agree: one account
    wrong_once = _season("herald", "He scored 15 goals in 31 league games this season.")
    assert not other_occasion(SEASONS[0], wrong_once, {})  # one figure off, one agreeing


def test_a_group_of_two_occasions_is_parted_not_called_corroborated() -> None:
    def judged(members: Sequence[int]) -> Judgement:
        return Judgement("corroborated", (), 2)

    assert _split([0, 1], SEASONS, judged, {}) == [[0], [1]]


def _figures(article: str, text: str) -> Claim:
    values = tuple(f.value for f in find_values(text, "2025-06-13"))
    return dataclasses.replace(_claim(article, text), values=values)


#: Three outlets' clauses on a ferry stopped on Sunday; the gazette's clause gives a
#: figure of another detail of the story (the ferry's past), held by "ferry" alone.
FERRY = [
    _figures("ledger", "the coast guard stopped the ferry on Sunday"),
    _figures("courier", "The ferry was halted by the coast guard on Sunday"),
    _figures("gazette", "the ferry had also carried 40 tonnes of grain"),
]


def _corroborated(members: Sequence[int]) -> Judgement:
    return Judgement("corroborated", (), len(members))


def test_a_figure_clause_of_another_kind_loosely_held_leaves_the_group() -> None:
    prob = {(0, 1): T * 5, (0, 2): T * 2.5, (1, 2): T * 1.5}
    # the core (ledger, highest summed links) states a day; the gazette's clause states a
    # count only, and its link to the core is under the bar of two different predicates
    assert _strays([[0, 1, 2]], FERRY, _links(prob), T, _corroborated) == [[0, 1], [2]]


def test_a_figure_clause_held_firmly_to_the_core_stays() -> None:
    prob = {(0, 1): T * 5, (0, 2): T * PAIR_STRONG, (1, 2): T * 1.5}
    assert _strays([[0, 1, 2]], FERRY, _links(prob), T, _corroborated) == [[0, 1, 2]]


def test_a_figure_clause_with_a_kind_the_core_states_stays() -> None:
    claims = [*FERRY[:2], _figures("gazette", "a ferry stopped on Sunday with 40 passengers")]
    prob = {(0, 1): T * 5, (0, 2): T * 2.5, (1, 2): T * 1.5}
    assert _strays([[0, 1, 2]], claims, _links(prob), T, _corroborated) == [[0, 1, 2]]


def test_a_group_whose_core_states_no_figure_is_left() -> None:
    claims = [_claim("ledger", "the coast guard stopped the ferry"), *FERRY[1:]]
    prob = {(0, 1): T * 5, (0, 2): T * 2.5, (1, 2): T * 1.5}
    assert _strays([[0, 1, 2]], claims, _links(prob), T, _corroborated) == [[0, 1, 2]]


def test_a_stray_whose_leaving_would_make_a_conflict_stays() -> None:
    # the rest, without the clause, would set two figures side by side as a conflict
    def judged(members: Sequence[int]) -> Judgement:
        verdict = "conflicting" if list(members) == [0, 1] else "corroborated"
        return Judgement(verdict, (), len(members))

    prob = {(0, 1): T * 5, (0, 2): T * 2.5, (1, 2): T * 1.5}
    assert _strays([[0, 1, 2]], FERRY, _links(prob), T, judged) == [[0, 1, 2]]
