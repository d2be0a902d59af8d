"""Recording a child's NHS number meets every CP-IS clock waiting for it, whatever work started it."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
import time_machine

from kith.people.actions import PersonDetails, change_person_details
from kith.people.models import Person
from kith.platform.timescales.models import Deadline
from kith.workforce.tests.fixtures import Authority, authority  # noqa: F401 - shared fixture
from tests.casework import given_looked_after_child

pytestmark = pytest.mark.django_db


def _details(person: Person, **changes: object) -> PersonDetails:
    current = {
        field.name: getattr(person, field.name)
        for field in dataclasses.fields(PersonDetails)
        if field.name != "disabilities" and hasattr(person, field.name)
    }
    current["disabilities"] = list(person.disabilities.values_list("code", flat=True))
    return PersonDetails(**{**current, **changes})  # type: ignore[arg-type]


def test_the_nhs_number_recorded_after_coming_into_care_meets_the_cp_is_clock(
    authority: Authority,  # noqa: F811
    time_machine: time_machine.TimeMachineFixture,
) -> None:
    # given Ava, with no NHS number, looked after from 4 January 2027
    time_machine.move_to(date(2027, 1, 4), tick=False)
    child = authority.own_child
    Person.objects.filter(pk=child.pk).update(nhs_number="")
    child.refresh_from_db()
    given_looked_after_child(child, authority.social_worker, on=date(2027, 1, 4))
    # when her NHS number is recorded two days later
    time_machine.move_to(date(2027, 1, 6), tick=False)
    change_person_details(
        child, _details(child, nhs_number="9434765919"), by=authority.social_worker.user, version=child.version
    )
    # then the clock is met that day, late, by the change of details
    clock = Deadline.objects.get(child=child, timescale_code="children_in_care.cp_is_nhs_number")
    assert (clock.due_on, clock.met_on, clock.met_by_event.event_type) == (
        date(2027, 1, 4),
        date(2027, 1, 6),
        "people.details_changed",
    )
