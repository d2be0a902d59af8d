"""The register lists, the child's page and the forms (bad input is kept and explained)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kith.people.actions import PersonDetails, add_person, record_relationship
from kith.people.models import Person
from kith.platform import clock
from kith.platform.calendar import add_working_days
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.models import CaseEvent
from kith.registers import actions
from kith.registers.models import PrivateFosteringArrangement, RegisterCheckKind, RegisterKind
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _days_ago(days: int) -> date:
    return clock.today() - timedelta(days=days)


def _carer(authority: Authority) -> Person:
    carer = add_person(
        PersonDetails(kind="adult", given_name="Jean", family_name="Morley", date_of_birth=date(1970, 2, 2)),
        by=authority.social_worker.user,
    )
    record_relationship(carer, authority.own_child, kind="carer", by=authority.social_worker.user)
    return carer


@pytest.mark.requirement("R-130")
def test_the_notification_form_offers_the_adults_related_to_the_child_and_records_the_arrangement(
    authority: Authority, sign_in: SignIn
) -> None:
    # given Jean, recorded as Ava's carer
    carer = _carer(authority)
    client = sign_in(authority.social_worker)
    url = reverse("registers:notify", args=[authority.own_child.pk])
    # when
    page = client.get(url)
    response = client.post(
        url,
        {
            "carer": carer.pk,
            "notified_by": "Ava's school",
            "expected_length": "Six months",
            **date_fields("notified_on", _days_ago(3)),
            **date_fields("started_on", _days_ago(10)),
        },
    )
    # then
    assert [choice[1] for choice in page.context["form"].fields["carer"].choices] == [f"Jean Morley ({carer.kith_id})"]
    assert response.status_code == 302
    assert response["Location"] == reverse("registers:child", args=[authority.own_child.pk])
    assert list(PrivateFosteringArrangement.objects.values_list("carer", "notified_by")) == [(carer.pk, "Ava's school")]


@pytest.mark.requirement("R-130")
def test_a_visit_form_without_the_childs_views_is_refused_and_what_was_typed_is_kept(
    authority: Authority, sign_in: SignIn
) -> None:
    # given
    arrangement = actions.notify_private_fostering(
        authority.own_child,
        carer=_carer(authority),
        notified_on=_days_ago(5),
        notified_by="School",
        started_on=_days_ago(5),
        by=authority.social_worker.user,
    )
    client = sign_in(authority.social_worker)
    events_before = CaseEvent.objects.count()
    # when
    response = client.post(
        reverse("registers:record_visit", args=[arrangement.pk]),
        {"child_seen": "yes", "seen_alone": "yes", "notes": "Bedroom tidy", **date_fields("visited_on", _days_ago(6))},
    )
    # then
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "visited_on": [
            f"The date of the visit ({long_date(_days_ago(6))}) cannot be before the notification "
            f"({long_date(_days_ago(5))})"
        ],
        "child_views": ["Enter the child's views on the arrangement, in their words"],
    }
    assert "Bedroom tidy</textarea>" in response.content.decode()
    assert (arrangement.visits.count(), CaseEvent.objects.count()) == (0, events_before)


@pytest.mark.requirement("R-130")
def test_the_private_fostering_register_shows_the_last_visit_and_the_next_due(
    authority: Authority, sign_in: SignIn
) -> None:
    # given Ava notified 20 days ago and seen 18 days ago
    arrangement = actions.notify_private_fostering(
        authority.own_child,
        carer=_carer(authority),
        notified_on=_days_ago(20),
        notified_by="School",
        started_on=_days_ago(25),
        by=authority.social_worker.user,
    )
    actions.record_private_fostering_visit(
        arrangement,
        visited_on=_days_ago(18),
        child_seen=True,
        seen_alone=True,
        child_views="Happy",
        by=authority.social_worker.user,
    )
    client = sign_in(authority.social_worker)
    # when
    page = client.get(reverse("registers:private_fostering"))
    # then
    assert table_rows(page.content.decode(), "private-fostering") == [
        [
            "Ava Thompson",
            "Jean Morley",
            long_date(_days_ago(20)),
            "Not completed",
            long_date(_days_ago(18)),
            long_date(_days_ago(18) + timedelta(weeks=6)),
        ]
    ]


@pytest.mark.requirement("R-113")
def test_the_missing_education_register_flags_an_overdue_check(authority: Authority, sign_in: SignIn) -> None:
    # given Ava added 30 days ago, checked once 25 days ago
    entry = actions.add_to_register(
        authority.own_child,
        register=RegisterKind.MISSING_EDUCATION,
        added_on=_days_ago(30),
        source="Oakfield Primary",
        reason="Not attending",
        by=authority.social_worker.user,
    )
    actions.record_register_check(
        entry,
        kind=RegisterCheckKind.HOME_VISIT,
        checked_on=_days_ago(25),
        child_seen=False,
        safeguarding_concern=False,
        outcome="No answer",
        by=authority.social_worker.user,
    )
    client = sign_in(authority.social_worker)
    # when
    page = client.get(reverse("registers:register", args=["missing-education"]))
    # then
    assert table_rows(page.content.decode(), "register") == [
        [
            "Ava Thompson",
            long_date(_days_ago(30)),
            "Oakfield Primary",
            long_date(_days_ago(25)),
            f"{long_date(add_working_days(_days_ago(25), 10))} Overdue",
        ]
    ]


def test_an_unknown_register_is_not_found(authority: Authority, sign_in: SignIn) -> None:
    # given
    client = sign_in(authority.social_worker)
    # when / then
    assert client.get(reverse("registers:register", args=["library-fines"])).status_code == 404


@pytest.mark.requirement("R-113")
def test_the_childs_page_shows_checks_and_where_the_child_went(authority: Authority, sign_in: SignIn) -> None:
    # given
    entry = actions.add_to_register(
        authority.own_child,
        register=RegisterKind.HOME_EDUCATION,
        added_on=_days_ago(100),
        source="Parent",
        reason="Parents chose home education",
        by=authority.social_worker.user,
    )
    actions.record_register_check(
        entry,
        kind=RegisterCheckKind.EDUCATION_REPORT,
        checked_on=_days_ago(60),
        child_seen=True,
        safeguarding_concern=False,
        outcome="Suitable education",
        by=authority.social_worker.user,
    )
    actions.remove_from_register(
        entry,
        removed_on=_days_ago(5),
        reason="started_school",
        destination="Westgate Academy",
        by=authority.social_worker.user,
    )
    client = sign_in(authority.social_worker)
    # when
    page = client.get(reverse("registers:child", args=[authority.own_child.pk]))
    # then
    assert summary_list(page.content.decode(), f"entry-{entry.pk}-summary") == {
        "Added": "Told by Parent: Parents chose home education",
        "Checks and visits": f"{long_date(_days_ago(60))}, Report on the education provided at home (Priya Shah): "
        "child seen. Suitable education",
        "Removed": f"{long_date(_days_ago(5))}: Started at or returned to a school (Westgate Academy)",
    }
