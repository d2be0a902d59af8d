"""Leaving care records inspectors asked for: the handover (R-120), the local offer (R-116), staying put and bed and
breakfast stays (R-117), requests to change the plan (R-054), care leavers who are parents (R-121), the choice
about support at 21 (R-115), the virtual school's oversight of education and work (R-112) and the health passport
on the Leaving care panel (R-096)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from kith.care_leavers.actions import (
    agree_pathway_plan,
    allocate_personal_adviser,
    complete_needs_assessment,
    record_accommodation_change,
    record_entitlement_explained,
    record_entitlement_taken_up,
    record_handover,
    record_personal_adviser_contact,
    record_plan_change_request,
    record_support_after_21,
    record_young_person_as_parent,
)
from kith.care_leavers.models import EntitlementRecord, Handover, LeavingCareSupport, SupportAfter21
from kith.care_leavers.queries import handovers, parenthood, stays
from kith.care_leavers.tests.test_actions import NEEDS, PLAN
from kith.education.actions import record_care_leaver_eet_review
from kith.education.models import CareLeaverEducationReview
from kith.health.actions import record_health_passport_given
from kith.people.models import Person
from kith.platform.chronology.models import CaseEvent
from kith.platform.rules import RuleBroken
from kith.platform.timescales.models import Deadline
from kith.workforce.administration import add_team
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]
LONDON = ZoneInfo("Europe/London")


def _refusal(doing: Callable[[], Any]) -> dict[str, list[str]]:
    with pytest.raises(RuleBroken) as refused:
        doing()
    return refused.value.problems


def _events(code: str) -> list[tuple[date, str]]:
    return list(CaseEvent.objects.filter(event_type=code).order_by("pk").values_list("occurred_on", "summary"))


# --- the handover --------------------------------------------------------------------------------------


@pytest.mark.requirement("R-120")
def test_the_handover_records_the_teams_and_what_went_with_the_case(
    authority: Authority, kai: Person, support: LeavingCareSupport
) -> None:
    leaving = add_team(name="Leaving Care", kind="care_leavers", parent=authority.service)
    same = _refusal(
        lambda: record_handover(
            support,
            handed_over_on=date(2027, 8, 1),
            from_team=authority.north,
            to_team=authority.north,
            handed_over="",
            by=authority.social_worker.user,
        )
    )
    record_handover(
        support,
        handed_over_on=date(2027, 8, 1),
        from_team=authority.north,
        to_team=leaving,
        handed_over="Pathway plan; passport and birth certificate",
        by=authority.social_worker.user,
    )
    assert same == {
        "to_team": [f"The case is handed from {authority.north.name} to another team"],
        "handed_over": ["Say what was handed over"],
    }
    assert Handover.objects.count() == 1
    assert _events("care_leavers.handed_over") == [
        (
            date(2027, 8, 1),
            f"Handed over from {authority.north.name} to Leaving Care: Pathway plan; passport and birth certificate",
        )
    ]
    assert [row.to_team for row in handovers(kai)] == [leaving]


# --- the local offer -----------------------------------------------------------------------------------


@pytest.mark.requirement("R-116")
def test_each_entitlement_is_explained_once_then_taken_up_after(
    authority: Authority, support: LeavingCareSupport
) -> None:
    by = authority.social_worker.user
    not_explained = _refusal(
        lambda: record_entitlement_taken_up(support, entitlement="council_tax", taken_up_on=date(2027, 9, 1), by=by)
    )
    record_entitlement_explained(support, entitlement="council_tax", explained_on=date(2027, 8, 10), by=by)
    twice = _refusal(
        lambda: record_entitlement_explained(support, entitlement="council_tax", explained_on=date(2027, 8, 11), by=by)
    )
    too_early = _refusal(
        lambda: record_entitlement_taken_up(support, entitlement="council_tax", taken_up_on=date(2027, 8, 1), by=by)
    )
    record_entitlement_taken_up(support, entitlement="council_tax", taken_up_on=date(2027, 9, 1), by=by)
    record_entitlement_explained(support, entitlement="complaints", explained_on=date(2027, 8, 10), by=by)
    assert not_explained == {"entitlement": ["Council tax exemption has not been explained yet: record that first"]}
    assert twice == {"entitlement": ["Council tax exemption was explained on 10 August 2027"]}
    assert too_early == {
        "taken_up_on": ["The date (1 August 2027) is before council tax exemption was explained (10 August 2027)"]
    }
    assert list(EntitlementRecord.objects.order_by("entitlement").values_list("entitlement", "taken_up_on")) == [
        ("complaints", None),
        ("council_tax", date(2027, 9, 1)),
    ]
    assert [summary for _on, summary in _events("care_leavers.entitlement_explained")] == [
        "Explained: council tax exemption",
        "Explained: how to complain",
    ]


@pytest.mark.requirement("R-116")
def test_the_entitlement_forms_record_and_the_record_lists_them(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport
) -> None:
    client = sign_in(authority.social_worker)
    explained = client.post(
        reverse("care_leavers:entitlement_explained", args=[kai.pk]),
        {"entitlement": "setting_up_home", **date_fields("explained_on", date(2027, 8, 10))},
    )
    taken_up = client.post(
        reverse("care_leavers:entitlement_taken_up", args=[kai.pk]),
        {"entitlement": "setting_up_home", **date_fields("taken_up_on", date(2027, 8, 20))},
    )
    page = client.get(reverse("care_leavers:young_person", args=[kai.pk])).content.decode()
    assert (explained.status_code, taken_up.status_code) == (302, 302)
    assert table_rows(page, "entitlements") == [["Setting-up-home allowance", "10 August 2027", "20 August 2027"]]


# --- where they live -----------------------------------------------------------------------------------


@pytest.mark.requirement("R-117")
def test_staying_put_is_with_former_foster_carers_and_a_bed_and_breakfast_stay_shows_its_days(
    authority: Authority, sign_in: SignIn, kai: Person, left_care: LeavingCareSupport
) -> None:
    by = authority.social_worker.user
    wrong = _refusal(
        lambda: record_accommodation_change(
            left_care,
            moved_on=date(2027, 8, 1),
            accommodation="E",
            suitable=True,
            description="The Walshes",
            arrangement="staying_put",
            by=by,
        )
    )
    record_accommodation_change(
        left_care,
        moved_on=date(2027, 8, 1),
        accommodation="Z",
        suitable=True,
        description="Staying put with the Walshes",
        arrangement="staying_put",
        by=by,
    )
    record_accommodation_change(
        left_care, moved_on=date(2027, 9, 10), accommodation="W", suitable=False, description="Seaview B&B", by=by
    )
    record_accommodation_change(
        left_care, moved_on=date(2027, 9, 24), accommodation="D", suitable=True, description="Brougham House", by=by
    )
    assert wrong == {"arrangement": ["Staying put is recorded as with former foster carers (Z)"]}
    assert [
        (home.accommodation, home.arrangement, left_on, days)
        for home, left_on, days in stays(kai, today=date(2027, 11, 1))
    ] == [
        ("D", "", None, 38),
        ("W", "", date(2027, 9, 24), 14),
        ("Z", "staying_put", date(2027, 9, 10), 40),
    ]
    page = sign_in(authority.social_worker).get(reverse("care_leavers:young_person", args=[kai.pk])).content.decode()
    assert [row[-1] for row in table_rows(page, "homes")] == [
        "38 days so far",
        "14 days, to 24 September 2027",
        "40 days, to 10 September 2027",
    ]
    assert _events("care_leavers.accommodation_changed")[0][1] == (
        "Moved to with former foster carers (Z1, suitable; staying put): Staying put with the Walshes"
    )


# --- requests to change the plan -----------------------------------------------------------------------


@pytest.mark.requirement("R-054")
def test_a_request_to_change_the_plan_is_recorded_with_how_it_was_handled(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport
) -> None:
    by = authority.social_worker.user
    complete_needs_assessment(support, completed_on=date(2026, 11, 20), details=NEEDS, by=by)
    plan = agree_pathway_plan(support, agreed_on=date(2026, 12, 1), details=PLAN, by=by)
    refused = _refusal(
        lambda: record_plan_change_request(
            plan,
            requested_on=date(2026, 11, 30),
            what_was_asked="",
            decision="maybe",
            decided_on=date(2026, 11, 29),
            how_handled="",
            by=by,
        )
    )
    record_plan_change_request(
        plan,
        requested_on=date(2027, 3, 1),
        what_was_asked="To move nearer college",
        decision="partly_agreed",
        decided_on=date(2027, 3, 8),
        how_handled="Agreed to look at lodgings in Hartlepool; told Kai in person",
        by=by,
    )
    assert refused == {
        "requested_on": ["The request (30 November 2026) is before the plan was agreed (1 December 2026)"],
        "decided_on": ["The decision (29 November 2026) is before the request (30 November 2026)"],
        "decision": ["Choose whether the change was agreed"],
        "what_was_asked": ["Record what the young person asked to change"],
        "how_handled": ["Say how the request was handled and what the young person was told"],
    }
    assert _events("care_leavers.plan_change_requested") == [
        (
            date(2027, 3, 1),
            "Asked to change the pathway plan: To move nearer college. Partly agreed on 8 March 2027: Agreed to look "
            "at lodgings in Hartlepool; told Kai in person",
        )
    ]
    page = sign_in(authority.social_worker).get(reverse("care_leavers:young_person", args=[kai.pk])).content.decode()
    assert table_rows(page, "change-requests")[0][2] == "Partly agreed (8 March 2027)"


# --- care leavers who are parents ----------------------------------------------------------------------


@pytest.mark.requirement("R-121")
def test_a_care_leaver_who_becomes_a_parent_is_recorded_with_the_support(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("care_leavers:new_parenthood", args=[kai.pk])
    bad = client.post(url, {**date_fields("baby_born_on", date(2027, 10, 2)), "lives_with_young_person": "no"})
    good = client.post(
        url,
        {
            **date_fields("baby_born_on", date(2027, 10, 2)),
            "lives_with_young_person": "no",
            "support_given": "Young fathers' group",
        },
    )
    assert "Record the support given to the young person and their baby" in bad.content.decode()
    assert good.status_code == 302
    assert _events("care_leavers.became_a_parent") == [
        (date(2027, 10, 2), "Became a parent; the baby does not live with them. Support: Young fathers' group")
    ]
    assert [row.baby_born_on for row in parenthood(kai)] == [date(2027, 10, 2)]
    with pytest.raises(RuleBroken):
        record_young_person_as_parent(
            support,
            baby_born_on=date(2027, 11, 2),
            lives_with_young_person=True,
            support_given="Health visitor",
            by=authority.social_worker.user,
        )


# --- support after 21 ----------------------------------------------------------------------------------


@pytest.mark.requirement("R-115")
def test_stopping_support_at_21_stops_visits_and_opting_back_in_restarts_them(
    authority: Authority,
    kai: Person,
    left_care: LeavingCareSupport,
    adviser: StaffMember,
    time_machine: time_machine.TimeMachineFixture,
) -> None:
    allocate_personal_adviser(left_care, adviser=adviser, allocated_on=date(2027, 8, 2), by=authority.team_manager.user)
    time_machine.move_to(datetime(2032, 3, 1, 10, 0, tzinfo=LONDON), tick=False)
    record_personal_adviser_contact(
        left_care, contact_on=date(2031, 5, 1), kind="seen", where="His flat", notes="All well", by=adviser.user
    )
    too_early = _refusal(
        lambda: record_support_after_21(
            left_care, decided_on=date(2031, 6, 1), decision="stop", young_person_views="No", by=adviser.user
        )
    )
    not_stopped = _refusal(
        lambda: record_support_after_21(
            left_care, decided_on=date(2031, 10, 1), decision="opt_back_in", young_person_views="Help", by=adviser.user
        )
    )
    record_support_after_21(
        left_care, decided_on=date(2031, 7, 1), decision="stop", young_person_views="Kai is settled", by=adviser.user
    )
    cancelled = Deadline.objects.filter(timescale_code="care_leavers.personal_adviser_visit").order_by("-pk").first()
    record_support_after_21(
        left_care,
        decided_on=date(2032, 1, 10),
        decision="opt_back_in",
        young_person_views="Lost his job",
        by=adviser.user,
    )
    assert too_early == {
        "decided_on": [
            "The choice about support after 21 is made from 15 June 2031, three months before Kai Morgan's 21st "
            "birthday (15 September 2031)"
        ]
    }
    assert not_stopped == {
        "decision": ["Kai Morgan has not said they want no support: nothing to opt back into"],
    }
    assert cancelled is not None
    assert (cancelled.started_on, cancelled.cancelled_on) == (date(2031, 5, 1), date(2031, 7, 1))
    assert list(
        Deadline.objects.filter(
            timescale_code="care_leavers.personal_adviser_visit", met_on__isnull=True, cancelled_on__isnull=True
        ).values_list("started_on", flat=True)
    ) == [date(2032, 1, 10)]
    assert list(SupportAfter21.objects.order_by("pk").values_list("decision", flat=True)) == ["stop", "opt_back_in"]
    assert [summary for _on, summary in _events("care_leavers.support_after_21_decided")] == [
        "Does not want support after 21: Kai is settled",
        "Asked for support again: Lost his job",
    ]


# --- the virtual school's oversight and the health passport --------------------------------------------


@pytest.mark.requirement("R-112")
def test_the_virtual_school_reviews_a_care_leavers_education_or_work(
    authority: Authority, sign_in: SignIn, kai: Person, support: LeavingCareSupport
) -> None:
    before = _refusal(
        lambda: record_care_leaver_eet_review(
            kai,
            reviewed_on=date(2026, 9, 1),
            activity="0",
            virtual_school="",
            notes="",
            by=authority.social_worker.user,
        )
    )
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("education:new_eet_review", args=[kai.pk]),
        {
            **date_fields("reviewed_on", date(2027, 10, 5)),
            "activity": "F2",
            "virtual_school": "Hana Kowalczyk",
            "notes": "Level 2 course going well",
        },
    )
    panel = client.get(reverse("people:casework", args=[kai.pk])).content.decode()
    assert before == {
        "reviewed_on": [
            "The review (1 September 2026) is before Kai Morgan became eligible for leaving care support "
            "(15 September 2026)"
        ],
        "activity": ["Choose the young person's main activity"],
        "virtual_school": ["Give the name of who reviewed it for the virtual school"],
        "notes": ["Record what the young person is doing and what will be done to help"],
    }
    assert response.status_code == 302
    assert list(CareLeaverEducationReview.objects.values_list("activity", "virtual_school")) == [
        ("F2", "Hana Kowalczyk")
    ]
    assert "Virtual school review 5 October 2027: other education, full time" in panel


@pytest.mark.requirement("R-112")
def test_the_virtual_school_reviews_only_care_leavers(authority: Authority, kai: Person, period: object) -> None:
    problems = _refusal(
        lambda: record_care_leaver_eet_review(
            kai,
            reviewed_on=date(2027, 10, 5),
            activity="F2",
            virtual_school="Hana Kowalczyk",
            notes="College",
            by=authority.social_worker.user,
        )
    )
    assert problems == {
        "reviewed_on": ["Leaving care support for Kai Morgan has not started: the virtual school reviews care leavers"]
    }


@pytest.mark.requirement("R-096")
def test_the_leaving_care_panel_shows_when_the_health_passport_was_given(
    authority: Authority, sign_in: SignIn, kai: Person, left_care: LeavingCareSupport
) -> None:
    client = sign_in(authority.social_worker)
    before = client.get(reverse("people:casework", args=[kai.pk])).content.decode()
    record_health_passport_given(kai, given_on=date(2027, 9, 1), by=authority.social_worker.user)
    after = client.get(reverse("people:casework", args=[kai.pk])).content.decode()
    assert "Health passport: <strong>not yet given</strong>" in before
    assert "Health passport: given 1 September 2027" in after
