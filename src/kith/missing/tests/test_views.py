"""The missing pages: reporting from the form, what a refusal keeps, the return and the interview, the panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from kith.children_in_care.models import PeriodOfCare
from kith.missing.models import MissingEpisode, ReturnHomeInterview
from kith.platform.timescales.models import Deadline
from kith.workforce.models import StaffMember
from kith.workforce.tests.fixtures import Authority, date_fields, summary_list

pytestmark = pytest.mark.django_db

SignIn = Callable[[StaffMember], Client]


def _report_form(started_on: date, **changes: object) -> dict[str, object]:
    return {
        "kind": "M",
        **date_fields("started_on", started_on),
        "started_time": "22:30",
        "circumstances": "Left the Rowleys' after an argument about his phone",
        **date_fields("reported_on", started_on),
        "reported_time": "23:15",
        "police_reference": "CL-2027-0710-88",
        **changes,
    }


def test_the_report_form_records_the_episode_and_its_page_shows_it(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    url = reverse("missing:report", args=[period.child.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _report_form(date(2027, 7, 10)))
    episode = MissingEpisode.objects.get()
    assert response["Location"] == reverse("missing:episode", args=[episode.pk])
    details = summary_list(client.get(response["Location"]).content.decode(), "episode-details")
    assert details["Police"] == "Told 10 July 2027 at 11:15pm, reference CL-2027-0710-88"
    assert details["From"] == "Sam and Alex Rowley (Other foster carer: not long-term or foster for adoption)"


def test_a_refused_report_keeps_what_was_typed_and_says_why(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("missing:report", args=[period.child.pk]),
        _report_form(date(2027, 7, 10), police_reference="", reported_time="22:00"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the reference the police gave" in page
    assert "The police were told (10 July 2027 at 10pm) before the child went missing" in page
    assert "Left the Rowleys&#x27; after an argument about his phone" in page
    assert MissingEpisode.objects.count() == 0


def test_a_time_that_is_not_a_time_is_refused_by_the_form(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    response = client.post(
        reverse("missing:report", args=[period.child.pk]), _report_form(date(2027, 7, 10), started_time="late")
    )
    assert "Enter the time as hours and minutes, for example 9:30 or 22:15" in response.content.decode()
    assert MissingEpisode.objects.count() == 0


def test_the_return_and_the_interview_are_recorded_from_their_forms_and_the_panel_shows_them(
    sign_in: SignIn, authority: Authority, period: PeriodOfCare
) -> None:
    client = sign_in(authority.social_worker)
    client.post(reverse("missing:report", args=[period.child.pk]), _report_form(date(2027, 10, 28)))
    episode = MissingEpisode.objects.get()
    panel = client.get(reverse("people:casework", args=[period.child.pk])).content.decode()
    assert "Missing</strong> since 28 October 2027 at 10:30pm" in panel
    client.post(
        reverse("missing:record_return", args=[episode.pk]),
        {
            **date_fields("ended_on", date(2027, 10, 30)),
            "ended_time": "9:00",
            "where_found": "Hartlepool bus station",
            "safe_and_well_check": "yes",
        },
    )
    panel = client.get(reverse("people:casework", args=[period.child.pk])).content.decode()
    assert "Return home interview due <strong>2 November 2027</strong>" in panel
    assert "1 episode in the last 12 months" in panel
    response = client.post(
        reverse("missing:record_interview", args=[episode.pk]),
        {
            **date_fields("offered_on", date(2027, 10, 31)),
            "outcome": "accepted",
            **date_fields("held_on", date(2027, 11, 1)),
            "interviewer": "Jess Carter",
            "child_views": "Kai wanted space after the argument",
            "risk_of_sexual_exploitation": "on",
        },
    )
    assert response["Location"] == reverse("missing:episode", args=[episode.pk])
    interview = ReturnHomeInterview.objects.get()
    assert (interview.held_on, interview.exploitation_risks) == (date(2027, 11, 1), ["child sexual exploitation"])
    assert Deadline.objects.get(timescale_code="missing.return_home_interview").met_on == date(2027, 11, 1)


def test_a_refused_interview_keeps_what_was_typed(sign_in: SignIn, authority: Authority, period: PeriodOfCare) -> None:
    client = sign_in(authority.social_worker)
    client.post(reverse("missing:report", args=[period.child.pk]), _report_form(date(2027, 10, 28)))
    episode = MissingEpisode.objects.get()
    client.post(
        reverse("missing:record_return", args=[episode.pk]),
        {**date_fields("ended_on", date(2027, 10, 30)), "ended_time": "9:00", "where_found": "Bus station"},
    )
    response = client.post(
        reverse("missing:record_interview", args=[episode.pk]),
        {**date_fields("offered_on", date(2027, 10, 31)), "outcome": "declined", "interviewer": "Priya Shah"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Say why the child declined the interview" in page
    assert (
        "The interview is independent of Kai Morgan&#x27;s social worker: Priya Shah is their allocated worker" in page
    )
    assert 'value="Priya Shah"' in page
    assert ReturnHomeInterview.objects.count() == 0
