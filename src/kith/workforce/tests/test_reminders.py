"""The nightly reminders: counts of overdue and soon-due work, sent once a day, naming no child."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from kith.platform.timescales.models import Deadline
from kith.workforce.models import Reminder
from kith.workforce.reminders import send_reminders
from tests.casework import given_referral
from tests.factories import given_allocated_child, given_staff

pytestmark = pytest.mark.django_db

REFERRED_ON = date(2027, 1, 4)
# The assessment is due 45 working days after the referral: 8 March 2027.
OVERDUE_ON = date(2027, 3, 10)


@pytest.fixture
def worker(time_machine: time_machine.TimeMachineFixture):  # type: ignore[no-untyped-def]
    """Priya, holding Ava, whose assessment (referred 4 January 2027) is due on 8 March 2027."""
    time_machine.move_to(REFERRED_ON, tick=False)
    priya = given_staff(full_name="Priya Shah")
    priya.user.email = "priya.shah@council.example"
    priya.user.save(update_fields=["email"])
    child = given_allocated_child(priya, given_name="Ava", family_name="Thompson")
    given_referral(child, priya, on=REFERRED_ON)
    return priya


def test_a_worker_with_overdue_work_is_told_how_much_and_where_without_naming_the_child(worker) -> None:  # type: ignore[no-untyped-def]
    # when the reminders are sent two days after the assessment was due
    result = send_reminders(on=OVERDUE_ON)
    # then Priya gets one mail with the counts and the link, and nothing identifies Ava
    assert [(r.staff, r.sent_to, r.overdue, r.due_soon) for r in result.sent] == [
        (worker, "priya.shah@council.example", 1, 0)
    ]
    (sent,) = mail.outbox
    assert (sent.to, sent.subject) == (["priya.shah@council.example"], "Kith: 1 item overdue, 0 items due soon")
    assert sent.body == (
        "Dear Priya Shah,\n\nYour work in Kith on 10 March 2027:\n- 1 item overdue\n\n"
        "See them in My work: http://127.0.0.1:8000/workforce/my-work/\n\n"
        "This reminder names no child because email leaves Kith. You can only see the work after signing in."
    )


def test_a_second_run_on_the_same_day_sends_nothing_and_no_deadline_changes(worker) -> None:  # type: ignore[no-untyped-def]
    send_reminders(on=OVERDUE_ON)
    before = list(Deadline.objects.order_by("pk").values())
    # when the scheduler runs again that night
    again = send_reminders(on=OVERDUE_ON)
    # then nothing more is sent, and the deadlines are as they were
    assert (again.sent, len(mail.outbox), Reminder.objects.count()) == ([], 1, 1)
    assert list(Deadline.objects.order_by("pk").values()) == before


def test_nobody_is_reminded_when_nothing_is_overdue_or_due_soon(worker) -> None:  # type: ignore[no-untyped-def]
    # a week after the referral the assessment is weeks away
    assert send_reminders(on=date(2027, 1, 11)).sent == []
    assert mail.outbox == []


def test_a_worker_without_an_email_address_is_named_by_the_command(worker, capsys) -> None:  # type: ignore[no-untyped-def]
    worker.user.email = ""
    worker.user.save(update_fields=["email"])
    call_command("remind", "--on", OVERDUE_ON.isoformat())
    assert capsys.readouterr().out == (
        "Sent 0 reminders for 2027-03-10.\nNot sent: Priya Shah has work due but no email address on their account.\n"
    )
    assert mail.outbox == []
