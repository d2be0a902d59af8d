"""Permission matrix for LADO allegations: role × the scope of the child the allegation affects.

Only the LADO records allegations; managers read those about children they may see;
nobody else sees the allegation list. Refusals are 404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kith.lado.actions import record_allegation
from kith.lado.models import Allegation, AllegationCategory, DecisionKind, LadoDecision
from kith.people.actions import grant_restricted_access, revoke_restricted_access
from kith.people.models import Person
from kith.platform import clock
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["lado", "social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_READ = {
    ("lado", "own"),
    ("lado", "other"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
}
MAY_RECORD = {("lado", "own"), ("lado", "other")}
ALL = [(role, scope) for role in ROLES for scope in SCOPES]


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


def _staff(authority: Authority, lado: StaffMember, role: str) -> StaffMember:
    return lado if role == "lado" else getattr(authority, role)


def _allegation_about(authority: Authority, lado: StaffMember, scope: str) -> Allegation:
    child = _child(authority, scope)
    if scope != "restricted":
        return _record(lado, child)
    # the LADO is granted Maya's restricted record to record it, and the grant is ended afterwards
    grant = grant_restricted_access(child, to=lado.user, reason="Allegation", by=authority.north_deputy.user)
    made = _record(lado, child)
    revoke_restricted_access(grant, by=authority.north_deputy.user)
    return made


def _record(lado: StaffMember, child: Person) -> Allegation:
    return record_allegation(
        [child],
        received_on=clock.today() - timedelta(days=3),
        referrer_name="Head",
        referrer_agency="School",
        subject_name="Mark Ellis",
        subject_role="coach",
        subject_employer="Town FC",
        category=AllegationCategory.HARMED,
        details="Pushed a child",
        by=lado.user,
    )


def _allegation_form(child: Person) -> dict[str, str]:
    return {
        "children": child.kith_id,
        "referrer_name": "Head",
        "referrer_agency": "School",
        "subject_name": "Mark Ellis",
        "subject_role": "coach",
        "subject_employer": "Town FC",
        "category": AllegationCategory.HARMED,
        "details": "Pushed a child",
        **date_fields("received_on", clock.today()),
    }


@pytest.mark.requirement("R-129")
@pytest.mark.parametrize(("role", "scope"), ALL)
def test_recording_an_allegation_is_for_the_lado_and_children_they_may_see(
    authority: Authority, lado: StaffMember, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    child = _child(authority, scope)
    client = sign_in(_staff(authority, lado, role))
    events_before = CaseEvent.objects.count()
    url = reverse("lado:record_allegation")
    # when
    page = client.get(url)
    posted = client.post(url, _allegation_form(child))
    # then
    allowed = (role, scope) in MAY_RECORD
    expected_page = 200 if role == "lado" else 404
    # the LADO refused a child they may not see is told no child they can see has that ID (200, nothing saved)
    expected_post = 302 if allowed else expected_page
    assert (page.status_code, posted.status_code) == (expected_page, expected_post)
    assert Allegation.objects.count() == int(allowed)
    assert CaseEvent.objects.count() == events_before + int(allowed)


@pytest.mark.requirement("R-129")
@pytest.mark.parametrize(("role", "scope"), ALL)
def test_reading_an_allegation_is_for_the_lado_and_managers_who_may_see_the_child(
    authority: Authority, lado: StaffMember, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    allegation = _allegation_about(authority, lado, scope)
    client = sign_in(_staff(authority, lado, role))
    # when
    page = client.get(reverse("lado:allegation", args=[allegation.pk]))
    listed = client.get(reverse("lado:allegations"))
    # then
    allowed = (role, scope) in MAY_READ
    assert page.status_code == (200 if allowed else 404)
    in_list = listed.status_code == 200 and allegation.pk in [row.allegation.pk for row in listed.context["rows"]]
    assert in_list is allowed


@pytest.mark.parametrize("role", ["social_worker", "screener", "analyst", "administrator"])
def test_nobody_else_sees_the_allegation_list(authority: Authority, sign_in: SignIn, role: str) -> None:
    # given
    client = sign_in(getattr(authority, role))
    # when / then
    assert client.get(reverse("lado:allegations")).status_code == 404


@pytest.mark.parametrize(("role", "scope"), ALL)
def test_only_the_lado_records_decisions(
    authority: Authority, lado: StaffMember, sign_in: SignIn, role: str, scope: str
) -> None:
    # given
    allegation = _allegation_about(authority, lado, scope)
    client = sign_in(_staff(authority, lado, role))
    url = reverse("lado:record_decision", args=[allegation.pk])
    # when
    page = client.get(url)
    posted = client.post(
        url,
        {
            "decision": DecisionKind.STRATEGY_DISCUSSION,
            "rationale": "Possible assault",
            **date_fields("decided_on", clock.today()),
        },
    )
    # then
    allowed = (role, scope) in MAY_RECORD
    assert (page.status_code, posted.status_code) == ((200, 302) if allowed else (404, 404))
    assert LadoDecision.objects.count() == int(allowed)
