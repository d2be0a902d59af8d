"""Permission matrix for the fostering service: the fostering team and managers see it; the fostering team records;
managers of the fostering team (or a service above it) decide approval. Refusals are 404s and are logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.fostering.access import can_decide_approval, can_record_fostering, can_view_fostering_service
from kith.fostering.actions import record_foster_carer_training
from kith.fostering.models import Household
from kith.platform.access.models import AccessLogEntry
from kith.platform.rules import NotAllowed
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]

PEOPLE = ["fay", "gwen", "social_worker", "team_manager", "service_manager", "analyst", "business_support"]
MAY_VIEW = {"fay", "gwen", "team_manager", "service_manager"}
MAY_RECORD = {"fay", "gwen"}
MAY_DECIDE = {"gwen", "service_manager"}


def _staff(authority: Authority, fay: StaffMember, gwen: StaffMember, who: str) -> StaffMember:
    return {"fay": fay, "gwen": gwen}.get(who) or getattr(authority, who)


@pytest.mark.parametrize("who", PEOPLE)
def test_who_may_do_what(authority: Authority, fay: StaffMember, gwen: StaffMember, who: str) -> None:
    user = _staff(authority, fay, gwen, who).user
    allowed = {
        "view": can_view_fostering_service(user),
        "record": can_record_fostering(user),
        "decide": can_decide_approval(user),
    }
    assert allowed == {"view": who in MAY_VIEW, "record": who in MAY_RECORD, "decide": who in MAY_DECIDE}


@pytest.mark.parametrize("who", PEOPLE)
def test_pages_answer_404_to_those_who_may_not_and_log_the_refusal(
    authority: Authority, fay: StaffMember, gwen: StaffMember, hunts: Household, sign_in: SignIn, who: str
) -> None:
    staff = _staff(authority, fay, gwen, who)
    client = sign_in(staff)
    pages = {
        "service": reverse("fostering:service"),
        "household": reverse("fostering:household", args=[hunts.pk]),
        "training": reverse("fostering:training", args=[hunts.pk]),
        "approve": reverse("fostering:approve", args=[hunts.pk]),
    }
    codes = {name: client.get(url).status_code for name, url in pages.items()}
    assert codes == {
        "service": 200 if who in MAY_VIEW else 404,
        "household": 200 if who in MAY_VIEW else 404,
        "training": 200 if who in MAY_RECORD else 404,
        "approve": 200 if who in MAY_DECIDE else 404,
    }
    refusals = AccessLogEntry.objects.filter(user=staff.user, what=AccessLogEntry.What.REFUSED).count()
    # The service page is a list like the LADO's: refused without a log row; each household page refusal is logged.
    assert refusals == sum(1 for name, code in codes.items() if code == 404 and name != "service")


def test_a_manager_elsewhere_may_see_the_household_but_the_action_refuses_their_recording(
    authority: Authority, hunts: Household
) -> None:
    bev = hunts.carers.first().person  # type: ignore[union-attr]
    with pytest.raises(NotAllowed):
        record_foster_carer_training(
            hunts, carer=bev, course="First aid", completed_on=date(2027, 1, 5), by=authority.team_manager.user
        )
    assert hunts.training.count() == 0
