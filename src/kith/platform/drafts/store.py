"""Saving, loading and discarding drafts: the only code that touches the ``Draft`` table.

Every function takes the user, and reads or writes only that user's drafts: a draft is never
shown to anyone but the person who typed it.

    save_draft(user, "quality.management_decision:42", request.POST)
    draft_for(user, "quality.management_decision:42")   -> a QueryDict, like request.POST, or None
    load_draft(user, "quality.management_decision:42")  -> (that QueryDict, when it was saved), or None
    saved_at(user, "quality.management_decision:42")    -> when it was last saved, or None
    describe_saved_at(moment)                            -> "10:42am today", or "5 January 2026 at 10:42am"
    discard_draft(user, "quality.management_decision:42")
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.http import QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from kith.platform import clock
from kith.platform.access.models import User
from kith.platform.drafts.models import Draft
from kith.platform.ui.templatetags.kith_ui import govuk_datetime, govuk_time

LONDON = ZoneInfo("Europe/London")

# The largest draft kept, measured as the stored JSON: far more than anyone types into one
# form (200 KB is some 30,000 words), small enough that a stray paste cannot fill the table.
MAX_DRAFT_BYTES = 200 * 1024

# <area>.<form>:<record pk>, e.g. "quality.management_decision:42".
FORM_KEY = re.compile(r"[A-Za-z0-9._:-]{1,200}")

# Fields a form posts that are not the user's typing.
NOT_KEPT = frozenset({"csrfmiddlewaretoken"})

FormData = MultiValueDict[str, str] | Mapping[str, str | Iterable[str]]


class BadFormKey(ValueError):
    """A form key with characters outside letters, digits and ``. _ : -``, or over 200 characters."""


class DraftTooLarge(ValueError):
    """A draft bigger than ``MAX_DRAFT_BYTES``: it is refused whole rather than cut short."""


def is_form_key(value: str) -> bool:
    return FORM_KEY.fullmatch(value) is not None


def save_draft(user: User, form_key: str, data: FormData) -> Draft:
    """Keep ``data`` as ``user``'s draft of the form, replacing any earlier draft of it.

    ``data`` is a ``QueryDict`` (``request.POST``) or a plain mapping of field name to a value
    or list of values. The CSRF token is left out. Raises ``BadFormKey`` or ``DraftTooLarge``,
    and then keeps the earlier draft as it was.
    """
    _check(form_key)
    fields = _fields(data)
    if len(json.dumps(fields, ensure_ascii=False).encode()) > MAX_DRAFT_BYTES:
        raise DraftTooLarge(f"A draft may be at most {MAX_DRAFT_BYTES // 1024} KB")
    # One statement (INSERT … ON CONFLICT DO UPDATE), so two saves racing each other cannot
    # both try to create the row.
    [draft] = Draft.objects.bulk_create(
        [Draft(user=user, form_key=form_key, data=fields, saved_at=clock.now())],
        update_conflicts=True,
        unique_fields=["user", "form_key"],
        update_fields=["data", "saved_at"],
    )
    return draft


def draft_for(user: User, form_key: str) -> QueryDict | None:
    """``user``'s draft of the form, ready to bind a Django form to (as ``data=``), or None."""
    found = load_draft(user, form_key)
    return found[0] if found else None


def load_draft(user: User, form_key: str) -> tuple[QueryDict, datetime] | None:
    """``user``'s draft of the form and when it was saved, in one query; None when there is none."""
    row = Draft.objects.filter(user=user, form_key=form_key).values_list("data", "saved_at").first()
    if row is None:
        return None
    fields, when = row
    return QueryDict(urlencode([(name, value) for name, values in fields.items() for value in values])), when


def saved_at(user: User, form_key: str) -> datetime | None:
    """When ``user``'s draft of the form was last saved, or None when there is no draft."""
    return Draft.objects.filter(user=user, form_key=form_key).values_list("saved_at", flat=True).first()


def discard_draft(user: User, form_key: str) -> None:
    """Forget ``user``'s draft of the form (once what it held has been recorded). No draft is fine."""
    Draft.objects.filter(user=user, form_key=form_key).delete()


def describe_saved_at(moment: datetime) -> str:
    """ "10:42am today" for a draft saved today, "5 January 2026 at 10:42am" for an earlier one (Europe/London)."""
    if timezone.localtime(moment, LONDON).date() == clock.today():
        return f"{govuk_time(moment)} today"
    return govuk_datetime(moment)


def _check(form_key: str) -> None:
    if not is_form_key(form_key):
        raise BadFormKey("A form key is letters, digits and . _ : - only, at most 200 characters")


def _fields(data: FormData) -> dict[str, list[str]]:
    """Each field's values as a list, as a QueryDict holds them."""
    if isinstance(data, MultiValueDict):
        pairs: Iterable[tuple[str, Iterable[str]]] = data.lists()
    else:
        pairs = ((name, [value] if isinstance(value, str) else value) for name, value in data.items())
    return {_text(name): [_text(value) for value in values] for name, values in pairs if name not in NOT_KEPT}


def _text(value: object) -> str:
    # PostgreSQL cannot store the NUL character in text or JSON; no form field accepts it anyway.
    return str(value).replace("\x00", "")
