"""The LADO's pages: the list with time to resolution, an allegation with its decisions, and the forms."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from kith.lado import actions
from kith.lado.models import Allegation, AllegationCategory, DecisionKind, Outcome
from kith.platform import clock
from kith.platform.access.models import AccessLogEntry
from kith.platform.calendar.working_days import long_date
from kith.platform.chronology.models import CaseEvent
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list, table_rows

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _days_ago(days: int) -> date:
    return clock.today() - timedelta(days=days)


def _form(**overrides: str) -> dict[str, str]:
    return {
        "referrer_name": "Mrs Ada Clark",
        "referrer_agency": "Oakfield Primary School",
        "subject_name": "Mark Ellis",
        "subject_role": "teaching assistant",
        "subject_employer": "Oakfield Primary School",
        "category": AllegationCategory.HARMED,
        "details": "Grabbed two children by the arm",
        **date_fields("received_on", _days_ago(2)),
        **overrides,
    }


@pytest.mark.requirement("R-129")
def test_the_lado_records_an_allegation_about_several_children_by_their_kith_ids(
    authority: Authority, lado: StaffMember, sign_in: SignIn
) -> None:
    # given
    client = sign_in(lado)
    ids = f"{authority.own_child.kith_id}, {authority.other_child.kith_id.lower()}"
    # when
    response = client.post(reverse("lado:record_allegation"), _form(children=ids))
    # then
    allegation = Allegation.objects.get()
    assert response["Location"] == reverse("lado:allegation", args=[allegation.pk])
    assert sorted(allegation.children.values_list("given_name", flat=True)) == ["Ava", "Leo"]


def test_an_unknown_or_hidden_kith_id_gets_the_same_message_and_nothing_is_saved(
    authority: Authority, lado: StaffMember, sign_in: SignIn
) -> None:
    # given
    client = sign_in(lado)
    events_before = CaseEvent.objects.count()
    ids = f"{authority.own_child.kith_id}, {authority.restricted_child.kith_id}, K9999999, Ava"
    # when
    bad_format = client.post(reverse("lado:record_allegation"), _form(children=ids))
    hidden = client.post(
        reverse("lado:record_allegation"), _form(children=f"{authority.restricted_child.kith_id}, K9999999")
    )
    # then
    assert bad_format.context["form"].errors == {
        "children": ["Ava is not a Kith ID: enter IDs like K0000012, separated by commas"]
    }
    assert hidden.context["form"].errors == {
        "children": [f"No child you can see has the Kith ID {authority.restricted_child.kith_id}, K9999999"]
    }
    assert (Allegation.objects.count(), CaseEvent.objects.count()) == (0, events_before)


def test_a_future_date_is_refused_naming_it_and_what_was_typed_is_kept(
    authority: Authority, lado: StaffMember, sign_in: SignIn
) -> None:
    # given
    client = sign_in(lado)
    tomorrow = clock.today() + timedelta(days=1)
    # when
    response = client.post(
        reverse("lado:record_allegation"),
        _form(children=authority.own_child.kith_id, **date_fields("received_on", tomorrow)),
    )
    # then
    assert response.context["form"].errors == {
        "received_on": [f"The date the allegation was received ({long_date(tomorrow)}) must be today or in the past"]
    }
    assert "Grabbed two children by the arm</textarea>" in response.content.decode()
    assert Allegation.objects.count() == 0


@pytest.mark.requirement("R-129")
def test_the_allegation_page_shows_each_decision_with_its_reasons_and_logs_the_children_named(
    authority: Authority, lado: StaffMember, sign_in: SignIn
) -> None:
    # given an allegation about Ava and Leo, with a decision and an outcome
    allegation = actions.record_allegation(
        [authority.own_child, authority.other_child],
        received_on=_days_ago(40),
        referrer_name="Mrs Ada Clark",
        referrer_agency="Oakfield Primary School",
        subject_name="Mark Ellis",
        subject_role="teaching assistant",
        subject_employer="Oakfield Primary School",
        category=AllegationCategory.HARMED,
        details="Grabbed two children by the arm",
        by=lado.user,
    )
    actions.record_lado_decision(
        allegation,
        decided_on=_days_ago(39),
        decision=DecisionKind.REFER_TO_POLICE,
        rationale="Marks seen: a possible assault",
        by=lado.user,
    )
    actions.close_allegation(allegation, closed_on=_days_ago(5), outcome=Outcome.UNSUBSTANTIATED, by=lado.user)
    # when Tom Hughes (North) reads it
    client = sign_in(authority.team_manager)
    page = client.get(reverse("lado:allegation", args=[allegation.pk]))
    # then he sees Ava, is told of one more child, and sees the decision and the time to resolution
    html = page.content.decode()
    summary = summary_list(html, "allegation")
    assert summary["Children affected"] == (
        f"Ava Thompson ({authority.own_child.kith_id}); 1 other whose record you cannot see"
    )
    assert summary["Outcome"] == f"Unsubstantiated, concluded {long_date(_days_ago(5))}, 35 days after it was received"
    assert f"Refer to the police: {long_date(_days_ago(39))}, Nadia Osei" in html
    assert "Marks seen: a possible assault" in html
    assert list(
        AccessLogEntry.objects.filter(user=authority.team_manager.user, page__contains="/lado/").values_list(
            "person", "what"
        )
    ) == [(authority.own_child.pk, "view")]
    assert page.context["may_manage"] is False


def test_the_list_shows_open_allegations_first_with_days_so_far(
    authority: Authority, lado: StaffMember, sign_in: SignIn
) -> None:
    # given one open allegation received 10 days ago, and one concluded after 20 days
    kwargs = {
        "referrer_name": "Head",
        "referrer_agency": "School",
        "subject_name": "A Person",
        "category": AllegationCategory.TRANSFERABLE,
        "details": "Concern",
        "by": lado.user,
    }
    open_one = actions.record_allegation(
        [authority.own_child], received_on=_days_ago(10), subject_role="coach", subject_employer="Town FC", **kwargs
    )
    closed_one = actions.record_allegation(
        [authority.own_child, authority.other_child],
        received_on=_days_ago(30),
        subject_role="foster carer",
        subject_employer="Bright Futures Fostering",
        **kwargs,
    )
    actions.record_lado_decision(
        closed_one, decided_on=_days_ago(29), decision=DecisionKind.NO_FURTHER_ACTION, rationale="Not met", by=lado.user
    )
    actions.close_allegation(closed_one, closed_on=_days_ago(10), outcome=Outcome.UNFOUNDED, by=lado.user)
    client = sign_in(lado)
    # when
    page = client.get(reverse("lado:allegations"))
    # then
    assert table_rows(page.content.decode(), "allegations") == [
        [open_one.reference, long_date(_days_ago(10)), "coach, Town FC", "1", "None yet", "Open", "10"],
        [
            closed_one.reference,
            long_date(_days_ago(30)),
            "foster carer, Bright Futures Fostering",
            "2",
            "No further action",
            "Unfounded",
            "20",
        ],
    ]
