"""Work from before Working Together 2023 is measured by the editions in force then."""

from __future__ import annotations

from datetime import date

import pytest

from kith.platform.timescales import registry
from kith.platform.timescales.editions import before_working_together_2023


def test_a_conference_clock_started_in_2019_uses_the_2018_edition_with_the_same_limit() -> None:
    then = registry.get("child_protection.initial_conference", on=date(2019, 5, 1))
    now = registry.get("child_protection.initial_conference", on=date(2024, 5, 1))
    assert (str(then.source.document), then.effective_from, then.effective_to, then.limit) == (
        "Working Together to Safeguard Children (2013, 2015 and 2018 editions)",
        date(2013, 4, 15),
        date(2023, 12, 15),
        now.limit,
    )
    assert now.source.document == "Working Together to Safeguard Children 2023"


def test_the_assessment_rule_cites_the_earlier_editions_without_repeating_that_it_was_retained() -> None:
    then = registry.get("assessments.single_assessment", on=date(2016, 1, 4))
    assert str(then.source) == (
        "Working Together to Safeguard Children (2013, 2015 and 2018 editions), the same timescale as the 2023 edition"
    )


def test_a_local_standard_keeps_its_own_source_for_the_earlier_years() -> None:
    then = registry.get("child_in_need.visit", on=date(2017, 3, 1))
    now = registry.get("child_in_need.visit", on=date(2025, 3, 1))
    assert (then.source, then.limit, then.is_local_standard) == (now.source, now.limit, True)


def test_a_timescale_that_does_not_start_with_working_together_2023_is_refused() -> None:
    care_plan = registry.get("children_in_care.care_plan", on=date(2020, 1, 1))
    with pytest.raises(ValueError, match=r"declare its history by hand") as refused:
        before_working_together_2023(care_plan)
    assert str(refused.value) == (
        "children_in_care.care_plan does not start with Working Together 2023; declare its history by hand"
    )


def test_no_clock_can_start_before_2013_for_the_working_together_rules() -> None:
    with pytest.raises(registry.TimescaleNotInForce):
        registry.get("child_protection.initial_conference", on=date(2013, 4, 14))
