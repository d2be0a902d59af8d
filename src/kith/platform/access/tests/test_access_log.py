"""The access log is append-only: the database itself refuses to change or delete a row."""

from __future__ import annotations

import pytest
from django.db import ProgrammingError, transaction

from kith.platform.access.models import AccessLogEntry
from kith.platform.access.record import log_access
from kith.platform.access.roles import Role
from tests.factories import given_allocated_child, given_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("_case", "tamper"),
    [
        ("update", lambda rows: rows.update(what=AccessLogEntry.What.PRINT)),
        ("delete", lambda rows: rows.delete()),
    ],
)
def test_a_log_row_cannot_be_changed_or_deleted(_case: str, tamper: object) -> None:
    # given a logged look at a child's record
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    entry = log_access(worker.user, person=child, what=AccessLogEntry.What.VIEW, page=f"/people/{child.pk}/")

    # when someone tries to rewrite or remove it, even with a bulk query
    with pytest.raises(ProgrammingError, match="Cannot update or delete rows"), transaction.atomic():
        tamper(AccessLogEntry.objects.filter(pk=entry.pk))  # type: ignore[operator]

    # then the row is as it was
    assert list(AccessLogEntry.objects.filter(pk=entry.pk).values_list("what", flat=True)) == ["view"]
