"""The nightly reminders: each worker is told how much of their work is overdue or due soon.

Run once a night by the council's scheduler (``kith remind``). Reminders only tell:
they change no deadline and no count, which are always worked out from the dates
recorded. The mail names no child and no case, because it leaves Kith; it says how
many items need attention and links to "My work". A second run on the same day sends
nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from kith.platform import clock
from kith.platform.access.capabilities import Capability
from kith.platform.access.roles import capabilities_of
from kith.platform.calendar.working_days import long_date
from kith.workforce.models import Reminder, StaffMember
from kith.workforce.queries import work_counts_of_every_worker


@dataclass(frozen=True)
class RemindersSent:
    sent: list[Reminder]
    # Workers with something due who could not be told: no email address on their account.
    without_email: list[StaffMember]


def _items(count: int) -> str:
    return "1 item" if count == 1 else f"{count} items"


def reminder_text(*, name: str, overdue: int, due_soon: int, on: date) -> str:
    lines = [f"Dear {name},", "", f"Your work in Kith on {long_date(on)}:"]
    if overdue:
        lines.append(f"- {_items(overdue)} overdue")
    if due_soon:
        lines.append(f"- {_items(due_soon)} due in the next 5 working days")
    lines += [
        "",
        f"See them in My work: {settings.KITH_BASE_URL}{reverse('workforce:my_work')}",
        "",
        "This reminder names no child because email leaves Kith. You can only see the work after signing in.",
    ]
    return "\n".join(lines)


def send_reminders(*, on: date) -> RemindersSent:
    """Send each active worker with overdue or soon-due work their reminder for ``on``, once."""
    already = set(Reminder.objects.filter(sent_on=on).values_list("staff_id", flat=True))
    counts = work_counts_of_every_worker(on=on)
    workers = StaffMember.objects.filter(pk__in=list(counts), is_active=True).select_related("user").order_by("pk")
    sent: list[Reminder] = []
    without_email: list[StaffMember] = []
    for worker in workers:
        tally = counts[worker.pk]
        if worker.pk in already or not (tally.overdue or tally.due_soon):
            continue
        if Capability.VIEW_CASELOAD not in capabilities_of(worker.role):
            continue
        if not worker.user.email:
            without_email.append(worker)
            continue
        with transaction.atomic():
            reminder = Reminder.objects.create(
                staff=worker,
                sent_on=on,
                sent_at=clock.now(),
                sent_to=worker.user.email,
                overdue=tally.overdue,
                due_soon=tally.due_soon,
            )
            send_mail(
                subject=f"Kith: {_items(tally.overdue)} overdue, {_items(tally.due_soon)} due soon",
                message=reminder_text(name=worker.full_name, overdue=tally.overdue, due_soon=tally.due_soon, on=on),
                from_email=None,
                recipient_list=[worker.user.email],
            )
        sent.append(reminder)
    return RemindersSent(sent=sent, without_email=without_email)
