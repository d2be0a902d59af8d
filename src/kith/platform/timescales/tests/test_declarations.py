"""A worked example for every declared timescale: the day the clock starts, and the day it is due.

The examples cross Christmas 2026 (25 and 28 December, 1 January bank holidays), Easter
2027 (Good Friday 26 March, Easter Monday 29 March), the early May bank holiday 2027,
29 February 2028, and months that end before the start day does (31 January + 1 month).
"""

from __future__ import annotations

from datetime import date

import pytest

from kith.platform.timescales import registry
from kith.platform.timescales.engine import due_on

WORKED_EXAMPLES = [
    # (code, clock starts, due)
    ("front_door.referral_decision", date(2026, 12, 24), date(2026, 12, 29)),
    ("front_door.early_help_follow_up", date(2026, 12, 2), date(2027, 1, 4)),
    ("assessments.single_assessment", date(2027, 3, 1), date(2027, 5, 6)),
    ("assessments.strategy_discussion", date(2027, 3, 25), date(2027, 3, 30)),
    ("assessments.cp_is_nhs_number", date(2027, 1, 5), date(2027, 1, 5)),
    ("child_protection.initial_conference", date(2026, 12, 18), date(2027, 1, 13)),
    ("child_protection.first_core_group", date(2027, 1, 13), date(2027, 1, 27)),
    ("child_protection.core_group", date(2027, 1, 31), date(2027, 2, 28)),
    ("child_protection.first_review_conference", date(2027, 1, 13), date(2027, 4, 13)),
    ("child_protection.review_conference", date(2027, 8, 31), date(2028, 2, 29)),
    ("child_protection.pre_birth_review", date(2026, 12, 22), date(2027, 1, 1)),
    ("child_protection.visit", date(2026, 12, 21), date(2027, 1, 7)),
    ("child_protection.cp_is_nhs_number", date(2027, 1, 13), date(2027, 1, 13)),
    ("child_in_need.visit", date(2027, 3, 15), date(2027, 4, 14)),
    ("children_in_care.care_plan", date(2027, 3, 19), date(2027, 4, 6)),
    ("children_in_care.placement_plan", date(2027, 3, 23), date(2027, 4, 1)),
    ("children_in_care.placement_notification", date(2026, 12, 23), date(2027, 1, 4)),
    ("children_in_care.cp_is_nhs_number", date(2027, 3, 26), date(2027, 3, 26)),
    ("children_in_care.first_review", date(2026, 12, 14), date(2027, 1, 14)),
    ("children_in_care.second_review", date(2027, 11, 30), date(2028, 2, 29)),
    ("children_in_care.later_review", date(2028, 2, 29), date(2028, 8, 29)),
    ("children_in_care.visit_first_week", date(2026, 12, 24), date(2026, 12, 31)),
    ("children_in_care.visit_first_year", date(2028, 2, 22), date(2028, 4, 4)),
    ("children_in_care.visit_after_first_year", date(2027, 1, 1), date(2027, 2, 12)),
    ("children_in_care.visit_long_term", date(2026, 11, 30), date(2027, 2, 28)),
    ("children_in_care.visit_weekly_until_first_review", date(2027, 3, 26), date(2027, 4, 2)),
    ("children_in_care.visit_placed_with_parents_after_first_review", date(2027, 3, 15), date(2027, 4, 26)),
    ("children_in_care.visit_connected_person_after_first_review", date(2028, 2, 15), date(2028, 3, 14)),
    ("children_in_care.initial_health_assessment", date(2027, 3, 1), date(2027, 3, 31)),
    ("children_in_care.review_health_assessment_under_5", date(2027, 3, 31), date(2027, 9, 30)),
    ("children_in_care.review_health_assessment_5_and_over", date(2028, 2, 29), date(2029, 2, 28)),
    ("children_in_care.pep_started", date(2026, 12, 14), date(2026, 12, 30)),
    ("children_in_care.pep_completed", date(2026, 12, 14), date(2027, 1, 14)),
    ("children_in_care.adoption_review_before_placement", date(2027, 11, 29), date(2028, 2, 29)),
    ("children_in_care.adoption_later_review_before_placement", date(2026, 12, 31), date(2027, 6, 30)),
    ("children_in_care.adoption_first_review_after_placement", date(2026, 12, 10), date(2027, 1, 7)),
    ("children_in_care.adoption_second_review_after_placement", date(2027, 1, 7), date(2027, 4, 7)),
    ("children_in_care.adoption_later_review_after_placement", date(2027, 4, 7), date(2027, 10, 7)),
    ("children_in_care.adoption_visit_first_week", date(2026, 12, 10), date(2026, 12, 17)),
    ("children_in_care.adoption_visit_weekly_until_first_review", date(2028, 2, 28), date(2028, 3, 6)),
    ("care_leavers.needs_assessment", date(2026, 12, 31), date(2027, 3, 31)),
    ("care_leavers.pathway_plan_review", date(2026, 8, 31), date(2027, 2, 28)),
    ("care_leavers.personal_adviser_visit", date(2027, 12, 31), date(2028, 2, 29)),
    ("care_leavers.personal_adviser_visit_after_move", date(2026, 12, 29), date(2027, 1, 5)),
    ("missing.return_home_interview", date(2027, 12, 30), date(2028, 1, 2)),
    ("quality.case_recording_critical_event", date(2028, 2, 28), date(2028, 2, 29)),
    ("quality.case_recording_visit", date(2026, 12, 24), date(2026, 12, 30)),
    ("quality.case_recording", date(2027, 3, 24), date(2027, 4, 2)),
    ("quality.supervision", date(2026, 12, 31), date(2027, 2, 28)),
    ("legal.pre_proceedings_review", date(2027, 1, 4), date(2027, 4, 26)),
    ("legal.care_proceedings", date(2027, 1, 12), date(2027, 7, 13)),
    ("registers.private_fostering_first_visit", date(2026, 12, 22), date(2027, 1, 5)),
    ("registers.private_fostering_visit_first_year", date(2027, 2, 22), date(2027, 4, 5)),
    ("registers.private_fostering_visit_after_first_year", date(2027, 12, 6), date(2028, 2, 28)),
    ("registers.missing_education_check", date(2027, 3, 22), date(2027, 4, 7)),
    ("registers.home_education_check", date(2028, 2, 29), date(2029, 2, 28)),
    ("fostering.temporary_approval", date(2026, 12, 21), date(2027, 4, 12)),
    ("fostering.annual_review", date(2028, 2, 29), date(2029, 2, 28)),
]


@pytest.mark.parametrize(("code", "started_on", "expected"), WORKED_EXAMPLES, ids=[row[0] for row in WORKED_EXAMPLES])
def test_the_worked_example_falls_due_on_the_expected_day(code: str, started_on: date, expected: date) -> None:
    # given the version of the timescale in force when the clock starts
    timescale = registry.get(code, on=started_on)
    # when
    due = due_on(timescale, started_on)
    # then
    assert due == expected


def test_every_declared_timescale_has_a_worked_example() -> None:
    # given
    examples = [code for code, _, _ in WORKED_EXAMPLES]
    # when
    declared = registry.codes()
    # then
    assert sorted(examples) == declared


# The limits and sources the table of statutory timescales gives (anchor_systems.md §4).
DECLARED_AS = [
    # (code, limit, document, reference, effective_from, is_local_standard)
    (
        "front_door.referral_decision",
        "1 working day",
        "Working Together to Safeguard Children 2023",
        "ch.4 (assessment)",
        date(2023, 12, 15),
        False,
    ),
    (
        "assessments.single_assessment",
        "45 working days",
        "Working Together to Safeguard Children 2023",
        "retained since WT2013",
        date(2023, 12, 15),
        False,
    ),
    (
        "child_protection.initial_conference",
        "15 working days",
        "Working Together to Safeguard Children 2023",
        "",
        date(2023, 12, 15),
        False,
    ),
    (
        "children_in_care.care_plan",
        "10 working days",
        "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
        "reg 4(2), reg 5(d)",
        date(2011, 4, 1),
        False,
    ),
    (
        "children_in_care.placement_notification",
        "5 working days",
        "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
        "reg 13 (amended by SI 2013/3239)",
        date(2011, 4, 1),
        False,
    ),
    (
        "children_in_care.first_review",
        "20 working days",
        "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
        "reg 33",
        date(2011, 4, 1),
        False,
    ),
    (
        "children_in_care.initial_health_assessment",
        "20 working days",
        "Promoting the health and well-being of looked-after children (statutory guidance, DfE/DHSC, March 2015)",
        "with CPPCR 2010 reg 7",
        date(2015, 3, 1),
        False,
    ),
    (
        "children_in_care.adoption_first_review_after_placement",
        "4 weeks",
        "Adoption Agencies Regulations 2005 (SI 2005/389)",
        "reg 36",
        date(2005, 12, 30),
        False,
    ),
    (
        "care_leavers.needs_assessment",
        "3 months",
        "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
        "Part 7, reg 42",
        date(2011, 4, 1),
        False,
    ),
    (
        "care_leavers.pathway_plan_review",
        "6 months",
        "Care Leavers (England) Regulations 2010 (SI 2010/2571)",
        "",
        date(2011, 4, 1),
        False,
    ),
    (
        "assessments.strategy_discussion",
        "1 working day",
        "Working Together to Safeguard Children 2023",
        "strategy discussion: no national timescale; set by local procedures",
        date(2023, 12, 15),
        True,
    ),
    (
        "child_protection.visit",
        "10 working days",
        "Local procedures",
        "visits to children on a CP plan: not set nationally",
        date(2023, 12, 15),
        True,
    ),
    (
        "quality.supervision",
        "2 months",
        "Local practice standards (Liverpool)",
        "case-recording timeliness (not statutory)",
        date(2023, 12, 15),
        True,
    ),
]


@pytest.mark.parametrize(
    ("code", "limit", "document", "reference", "effective_from", "is_local_standard"),
    DECLARED_AS,
    ids=[row[0] for row in DECLARED_AS],
)
def test_the_declaration_gives_the_limit_and_source_of_the_table(
    code: str, limit: str, document: str, reference: str, effective_from: date, is_local_standard: bool
) -> None:
    # given
    on = date(2027, 1, 4)
    # when
    timescale = registry.get(code, on=on)
    # then
    assert (
        timescale.limit.in_words,
        timescale.source.document,
        timescale.source.reference,
        timescale.effective_from,
        timescale.is_local_standard,
    ) == (limit, document, reference, effective_from, is_local_standard)


def test_the_placement_plan_says_its_limit_is_unverified() -> None:
    # given
    timescale = registry.get("children_in_care.placement_plan", on=date(2027, 1, 4))
    # when
    description = timescale.description
    # then
    assert "(unverified in corpus — check reg 9)" in description


def test_the_initial_conference_clock_restarts_on_a_new_strategy_discussion() -> None:
    # given
    timescale = registry.get("child_protection.initial_conference", on=date(2027, 1, 4))
    # when
    restarts = {(when.words, when.event) for when in timescale.restarts_when}
    # then
    assert restarts == {("a new strategy discussion is held", "assessments.strategy_discussion_held")}


def test_every_declaration_module_is_loaded_with_the_app() -> None:
    # given the modules the registry imports by name
    # when
    areas = {timescale.area for timescale in registry.all_timescales()}
    # then
    assert {name.split(".")[1] for name in registry.DECLARATION_MODULES} == areas
