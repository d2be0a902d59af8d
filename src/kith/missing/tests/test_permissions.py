"""Permission matrix for missing episodes: role × scope. The child's workers record; those who may see the child
read; refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.missing.access import can_record_missing, can_view_missing
from kith.missing.actions import report_missing
from kith.missing.models import MissingEpisode
from kith.missing.rules import Police
from kith.missing.tests.conftest import at
from kith.people.models import Person
from kith.platform.access.models import AccessLogEntry
from kith.platform.rules import NotAllowed
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

ROLES = ["social_worker", "team_manager", "service_manager", "iro", "analyst", "business_support"]
SCOPES = ["own", "other", "restricted"]
EVERY = [(role, scope) for role in ROLES for scope in SCOPES]

MAY_RECORD = {
    ("social_worker", "own"),
    ("team_manager", "own"),
    ("service_manager", "own"),
    ("service_manager", "other"),
    ("iro", "own"),
    ("iro", "other"),
}
MAY_VIEW = MAY_RECORD | {
    ("analyst", "own"),
    ("analyst", "other"),
    ("business_support", "own"),
    ("business_support", "other"),
}


def _staff(authority: Authority, iro: StaffMember, role: str) -> StaffMember:
    return iro if role == "iro" else getattr(authority, role)


def _child(authority: Authority, scope: str) -> Person:
    return {"own": authority.own_child, "other": authority.other_child, "restricted": authority.restricted_child}[scope]


def _recorder(authority: Authority, scope: str) -> StaffMember:
    """Someone who may record on the child: its worker, or for the restricted record the manager who restricted it."""
    return {"own": authority.social_worker, "other": authority.south_worker, "restricted": authority.north_deputy}[
        scope
    ]


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_who_may_do_what(authority: Authority, iro: StaffMember, role: str, scope: str) -> None:
    user = _staff(authority, iro, role).user
    child = _child(authority, scope)
    allowed = {"record": can_record_missing(user, child), "view": can_view_missing(user, child)}
    assert allowed == {"record": (role, scope) in MAY_RECORD, "view": (role, scope) in MAY_VIEW}


@pytest.fixture
def episodes(authority: Authority) -> dict[str, MissingEpisode]:
    """Each child missing since 20 October 2027 (all three are open to social care from 2 October)."""
    return {
        scope: report_missing(
            _child(authority, scope),
            kind="M",
            started_at=at(date(2027, 10, 20), 17),
            circumstances="Did not come home from school",
            police=Police(reported_at=at(date(2027, 10, 20), 19), reference=f"CL-{scope}"),
            by=_recorder(authority, scope).user,
        )
        for scope in SCOPES
    }


@pytest.mark.parametrize(("role", "scope"), EVERY)
def test_pages_answer_404_to_those_who_may_not_and_log_the_refusal(
    authority: Authority,
    iro: StaffMember,
    sign_in: SignIn,
    episodes: dict[str, MissingEpisode],
    role: str,
    scope: str,
) -> None:
    staff = _staff(authority, iro, role)
    client = sign_in(staff)
    episode = episodes[scope]
    pages = {
        "report": reverse("missing:report", args=[episode.child_id]),
        "episode": reverse("missing:episode", args=[episode.pk]),
        "history": reverse("missing:history", args=[episode.child_id]),
        "return": reverse("missing:record_return", args=[episode.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    may_record = 200 if (role, scope) in MAY_RECORD else 404
    may_view = 200 if (role, scope) in MAY_VIEW else 404
    assert codes == {"report": may_record, "episode": may_view, "history": may_view, "return": may_record}
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    assert refusals == sum(1 for code in codes.values() if code == 404)


def test_someone_who_may_see_but_not_record_is_refused_by_the_action(authority: Authority) -> None:
    with pytest.raises(NotAllowed):
        report_missing(
            authority.own_child,
            kind="M",
            started_at=at(date(2027, 10, 20), 17),
            circumstances="Did not come home",
            police=Police(reported_at=at(date(2027, 10, 20), 19), reference="CL-1"),
            by=authority.analyst.user,
        )
    assert MissingEpisode.objects.count() == 0
