"""Form fields that follow the GOV.UK Design System patterns.

``GovukDateField`` is the GOV.UK date input: three text boxes (day, month, year) rather than
a date picker, with the error messages the Design System recommends, worded from the field's
label. What the user typed is kept exactly (even "31", "feb" or "20x6") so that the form can
be shown again with the mistake visible and fixable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kith.platform import clock
from kith.platform.calendar.working_days import long_date

DATE_PARTS = ("day", "month", "year")

_DIGITS = re.compile(r"[0-9]+")


# Dates are written to people one way everywhere; the calendar holds that one way.
format_govuk_date = long_date


class GovukDateWidget(forms.MultiWidget):
    """Day, month and year text boxes named ``<name>_day``, ``<name>_month`` and ``<name>_year``.

    ``autocomplete`` is the prefix for the browser's autofill tokens: pass ``"bday"`` for a
    date of birth to get ``bday-day``, ``bday-month`` and ``bday-year``.
    """

    def __init__(self, attrs: dict[str, Any] | None = None, *, autocomplete: str | None = None) -> None:
        self.autocomplete = autocomplete
        # Numeric keyboards on phones; type="text" (not "number") as GOV.UK advises, because
        # number inputs drop leading zeros, accept "e" and change value on scroll.
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in DATE_PARTS
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[str | None]:
        """Split an initial ``date`` into the three boxes; anything else shows empty boxes."""
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]


class GovukDateField(forms.Field):
    """A date entered as day, month and year, checked with GOV.UK's error messages.

    Messages use the field's label as given, for example with ``label="Date of birth"``:
    "Enter Date of birth", "Date of birth must include a month", "Date of birth must be a real
    date", "Year must include 4 numbers". Pass ``error_label`` when the label does not read well
    inside a sentence (``error_label="the date of birth"`` gives "Enter the date of birth" and
    "The date of birth must include a month").

    Optional limits, compared with ``clock.today()`` (Europe/London):

    * ``not_in_future=True``: "… must be today or in the past"
    * ``not_in_past=True``: "… must be today or in the future"
    * ``not_before=date(1900, 1, 1)``: "… must be after 1 January 1900" (that date itself is allowed)

    Each ``ValidationError`` carries ``params["parts"]``: the boxes the message is about, so the
    template can highlight only those (all three when the whole date is wrong).
    """

    widget = GovukDateWidget

    def __init__(
        self,
        *,
        label: str | None = None,
        error_label: str | None = None,
        not_in_future: bool = False,
        not_in_past: bool = False,
        not_before: date | None = None,
        **kwargs: Any,
    ) -> None:
        if not (label or error_label):
            # The messages are worded from the label; without one they would be nonsense.
            raise TypeError("GovukDateField needs a label (or an error_label) to word its error messages")
        super().__init__(label=label, **kwargs)
        self.error_label = error_label
        self.not_in_future = not_in_future
        self.not_in_past = not_in_past
        self.not_before = not_before

    # --- wording -------------------------------------------------------------------------------

    @property
    def _name(self) -> str:
        """The label as used after a verb: "Enter {name}"."""
        return str(self.error_label or self.label)

    @property
    def _subject(self) -> str:
        """The label at the start of a sentence: "{Subject} must be a real date"."""
        name = self._name
        return name[:1].upper() + name[1:]

    def _error(self, message: str, code: str, parts: Sequence[str] = DATE_PARTS) -> ValidationError:
        return ValidationError(message, code=code, params={"parts": tuple(parts)})

    # --- parsing -------------------------------------------------------------------------------

    def to_python(self, value: Any) -> date | None:
        """Turn the three typed strings into a date, or raise the GOV.UK message for the first problem."""
        if isinstance(value, date):
            return value
        if value in self.empty_values:
            return None
        if not isinstance(value, list | tuple) or len(value) != len(DATE_PARTS):
            raise self._error(f"{self._subject} must be a real date", "invalid")
        typed = dict(zip(DATE_PARTS, (str(part or "").strip() for part in value), strict=True))
        missing = [part for part in DATE_PARTS if not typed[part]]
        if len(missing) == len(DATE_PARTS):
            return None  # validate() decides whether an empty date is allowed
        if missing:
            # "must include a day", "must include a day and month", "must include a month and year" …
            raise self._error(f"{self._subject} must include a {' and '.join(missing)}", "incomplete", missing)
        not_numbers = [part for part in DATE_PARTS if not _DIGITS.fullmatch(typed[part])]
        if not_numbers:
            raise self._error(f"{self._subject} must be a real date", "invalid", not_numbers)
        if len(typed["year"]) != 4:
            raise self._error("Year must include 4 numbers", "invalid_year", ["year"])
        try:
            return date(int(typed["year"]), int(typed["month"]), int(typed["day"]))
        except (ValueError, OverflowError):
            # Month 13, 31 February, day 0, a month of ten digits: each box may be fine alone,
            # so all three are marked.
            raise self._error(f"{self._subject} must be a real date", "invalid") from None

    def validate(self, value: date | None) -> None:
        if value is None:
            if self.required:
                raise self._error(f"Enter {self._name}", "required")
            return
        today = clock.today()
        if self.not_in_future and value > today:
            raise self._error(f"{self._subject} must be today or in the past", "in_future")
        if self.not_in_past and value < today:
            raise self._error(f"{self._subject} must be today or in the future", "in_past")
        if self.not_before is not None and value < self.not_before:
            raise self._error(f"{self._subject} must be after {format_govuk_date(self.not_before)}", "too_early")

    def has_changed(self, initial: Any, data: Any) -> bool:
        if self.disabled:
            return False
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True  # something unparseable was typed, which is a change
