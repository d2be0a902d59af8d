"""Permission matrix for assessments: role × scope, for reading, recording case work and authorising.

Scope is the child's place relative to North Safeguarding: ``own`` (held by North),
``other`` (held by South) and ``restricted`` (held by North, restricted, no grant).
Refusals are 404s and record nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kith.assessments.access import can_authorise_assessment, can_record_case_work, can_view_assessments
from kith.assessments.actions import complete_assessment
from kith.assessments.models import Assessment, AssessmentKind, AssessmentOutcome
from kith.assessments.tests.builders import FULL_ANSWERS, Case, given_assessment
from kith.people.models import Person
from kith.platform import clock
from kith.platform.chronology.models import CaseEvent
from kith.quality.models import ManagementDecision
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields
from tests.casework import given_referral

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "screener", "analyst", "administrator"]
SCOPES = ["own", "other", "restricted"]
MAY_RECORD = {
    ("social_worker", "own"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("screener", "own"),
    ("screener", "other"),
}
MAY_AUTHORISE = {("team_manager", "own"), ("service_manager", "own"), ("service_manager", "other")}
MAY_VIEW = MAY_RECORD | {("analyst", "own"), ("analyst", "other")}
EVERY = [(role, scope) for role in ROLES for scope in SCOPES]


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


def _holder(authority: Authority, scope: str) -> StaffMember:
    """Someone who may record on the child, to build its case."""
    return {"own": authority.social_worker, "other": authority.south_worker, "restricted": authority.north_deputy}[
        scope
    ]


def _completed_assessment(authority: Authority, scope: str) -> Assessment:
    child, holder = _child(authority, scope), _holder(authority, scope)
    today = clock.today()
    referral = given_referral(child, holder, on=today - timedelta(days=20))
    case = Case(holder, holder, child, referral)
    assessment = given_assessment(case, started_on=today - timedelta(days=19), **FULL_ANSWERS)
    return complete_assessment(
        assessment,
        completed_on=today - timedelta(days=1),
        outcome=AssessmentOutcome.NO_FURTHER_ACTION,
        outcome_rationale="No needs found",
        by=holder.user,
    )


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_the_access_functions_follow_the_matrix(authority: Authority, role: str, scope: str) -> None:
    # given
    user = getattr(authority, role).user
    child = _child(authority, scope)
    # when
    answers = (
        can_view_assessments(user, child),
        can_record_case_work(user, child),
        can_authorise_assessment(user, child),
    )
    # then
    assert answers == ((role, scope) in MAY_VIEW, (role, scope) in MAY_RECORD, (role, scope) in MAY_AUTHORISE)


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_starting_an_assessment_follows_the_matrix(
    authority: Authority, sign_in: SignIn, role: str, scope: str
) -> None:
    # given an open referral
    child = _child(authority, scope)
    given_referral(child, _holder(authority, scope), on=clock.today() - timedelta(days=2))
    staff = getattr(authority, role)
    client = sign_in(staff)
    events_before = CaseEvent.objects.count()
    form = {
        "kind": AssessmentKind.CHILD_AND_FAMILY,
        "worker": str(staff.pk),
        "connected_person": "",
        **date_fields("started_on", clock.today()),
    }
    # when
    page = client.get(reverse("assessments:start_assessment", args=[child.pk]))
    posted = client.post(reverse("assessments:start_assessment", args=[child.pk]), form)
    # then
    if (role, scope) in MAY_RECORD:
        assert (page.status_code, posted.status_code) == (200, 302)
        assert list(Assessment.objects.values_list("child", "worker")) == [(child.pk, staff.pk)]
    else:
        assert (page.status_code, posted.status_code) == (404, 404)
        assert Assessment.objects.count() == 0
        assert CaseEvent.objects.count() == events_before


@pytest.mark.requirement("R-037")
@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_authorising_follows_the_matrix(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given a completed assessment
    assessment = _completed_assessment(authority, scope)
    client = sign_in(getattr(authority, role))
    events_before = CaseEvent.objects.count()
    form = {"rationale": "Proportionate and clear", **date_fields("authorised_on", clock.today())}
    # when
    page = client.get(reverse("assessments:authorise_assessment", args=[assessment.pk]))
    posted = client.post(reverse("assessments:authorise_assessment", args=[assessment.pk]), form)
    # then
    assessment.refresh_from_db()
    if (role, scope) in MAY_AUTHORISE:
        assert (page.status_code, posted.status_code) == (200, 302)
        assert (assessment.authorised_on, ManagementDecision.objects.count()) == (clock.today(), 1)
    else:
        assert (page.status_code, posted.status_code) == (404, 404)
        assert (assessment.authorised_on, ManagementDecision.objects.count()) == (None, 0)
        assert CaseEvent.objects.count() == events_before


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_reading_an_assessment_follows_the_matrix(authority: Authority, sign_in: SignIn, role: str, scope: str) -> None:
    # given
    assessment = _completed_assessment(authority, scope)
    client = sign_in(getattr(authority, role))
    # when
    pages = [
        client.get(reverse("assessments:assessment", args=[assessment.pk])).status_code,
        client.get(reverse("assessments:child", args=[assessment.child_id])).status_code,
    ]
    # then
    assert pages == ([200, 200] if (role, scope) in MAY_VIEW else [404, 404])
