"""Template tags that render Django forms as GOV.UK Design System markup.

    {% load kith_ui %}
    {% error_summary form %}
    {% govuk_field form.first_name %}
    {% govuk_field form.date_of_birth label_size="m" %}
    {% govuk_field form.reason label_size="l" is_page_heading=True %}
    {{ event.occurred_on|govuk_date }}      -> 5 January 2026
    {{ event.recorded_at|govuk_datetime }}  -> 5 January 2026 at 2:30pm
    {{ draft_saved_at|govuk_time }}         -> 2:30pm

Why tags rather than overriding Django's ``django/forms/*.html`` templates: the GOV.UK markup
needs the label, hint, error and control built together (ids, ``aria-describedby``, error
classes on the group and the control), and ``django.forms`` comes before this app in
INSTALLED_APPS, so overriding its templates by path would not take effect anyway.

The markup lives in ``templates/ui/fields/<kind>.html``; this module only works out the
context (ids, classes, values, which options are selected).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms, template
from django.forms import BoundField
from django.forms.utils import flatatt
from django.forms.widgets import ChoiceWidget, Input
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString

from kith.platform.ui.forms import DATE_PARTS, GovukDateWidget, format_govuk_date

register = template.Library()

LONDON = ZoneInfo("Europe/London")

LABEL_SIZES = ("", "s", "m", "l", "xl")

# Widget attributes Kith sets itself, or drops on purpose, instead of passing them through:
# - "required" and "maxlength": GOV.UK forms validate on the server and say what is wrong in
#   words; browser validation bubbles are inconsistent and maxlength silently cuts text off.
# - "inline": a Kith flag on RadioSelect, not an HTML attribute.
# - the rest are built from the field (id, name, value, classes, aria-describedby).
_MANAGED_ATTRS = frozenset(
    {"id", "name", "type", "value", "class", "required", "maxlength", "inline", "aria-describedby", "checked"}
)

_DATE_PART_WIDTHS = {"day": "govuk-input--width-2", "month": "govuk-input--width-2", "year": "govuk-input--width-4"}


# --- {% govuk_field %} ------------------------------------------------------------------------


@register.simple_tag
def govuk_field(field: BoundField, label_size: str = "", is_page_heading: bool = False) -> SafeString:
    """Render one form field as a GOV.UK form group (label, hint, error, control).

    ``label_size`` is "s", "m", "l" or "xl" (GOV.UK's label and legend sizes); with
    ``is_page_heading=True`` the label or legend is the page's <h1>, for one-question pages.
    """
    if label_size not in LABEL_SIZES:
        raise template.TemplateSyntaxError(f"govuk_field label_size must be one of {LABEL_SIZES}, not {label_size!r}")
    widget = field.field.widget
    kind = _kind(widget)
    if kind == "hidden":
        return SafeString(str(field))
    context = _common_context(field, kind, label_size, is_page_heading)
    context.update(_KIND_CONTEXT[kind](field, widget, context))
    return render_to_string(f"ui/fields/{kind}.html", context)


def _kind(widget: forms.Widget) -> str:
    """Which GOV.UK component renders this widget. Order matters: subclasses come first."""
    if isinstance(widget, GovukDateWidget):
        return "date"
    if isinstance(widget, forms.HiddenInput | forms.MultipleHiddenInput):
        return "hidden"
    if isinstance(widget, forms.CheckboxSelectMultiple):  # a subclass of RadioSelect
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.CheckboxInput):  # a subclass of Input
        return "checkbox"
    if isinstance(widget, Input):
        return "input"
    raise TypeError(f"govuk_field has no GOV.UK template for {type(widget).__name__}")


def _common_context(field: BoundField, kind: str, label_size: str, is_page_heading: bool) -> dict[str, Any]:
    widget = field.field.widget
    # With auto_id=False a form has no ids; GOV.UK markup needs them for labels and errors.
    field_id = field.auto_id or field.html_name
    hint_id = f"{field_id}-hint" if field.help_text else ""
    errors = [
        {"id": f"{field_id}-error" if number == 1 else f"{field_id}-error-{number}", "message": message}
        for number, message in enumerate(field.errors, start=1)
    ]
    described_by = " ".join(
        part for part in [widget.attrs.get("aria-describedby", ""), hint_id, *(e["id"] for e in errors)] if part
    )
    return {
        "field": field,
        "id": field_id,
        "name": field.html_name,
        "label": field.label,
        # A single checkbox ("I have checked the address") is its own answer; "(optional)" on
        # it would read oddly, so only questions get the suffix.
        "optional": not field.field.required and kind != "checkbox",
        "label_size": label_size,
        "is_page_heading": is_page_heading,
        # help_text is written by developers and, as in Django's own form templates, may hold markup.
        "hint": SafeString(str(field.help_text)) if field.help_text else "",
        "hint_id": hint_id,
        "errors": errors,
        "described_by": described_by,
        "disabled": field.field.disabled,
    }


def _passthrough_attrs(attrs: dict[str, Any]) -> str:
    """The widget's own attributes (autocomplete, spellcheck, inputmode, data-…) as HTML."""
    return flatatt({name: value for name, value in attrs.items() if name not in _MANAGED_ATTRS})


def _classes(*names: object) -> str:
    return " ".join(str(name) for name in names if name)


def _input_context(field: BoundField, widget: forms.Widget, common: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(widget, Input)
    input_type = widget.input_type
    extra = dict(widget.attrs)
    if isinstance(widget, forms.NumberInput):
        # GOV.UK: type="number" drops leading zeros, accepts "e" and changes on scroll; a
        # text box with a numeric keyboard is kinder.
        input_type = "text"
        extra.setdefault("inputmode", "numeric")
    if isinstance(widget, forms.FileInput):
        base_class, value = "govuk-file-upload", None
    elif isinstance(widget, forms.PasswordInput) and not widget.render_value:
        # Never send a password back to the browser.
        base_class, value = "govuk-input", None
    else:
        base_class, value = "govuk-input", widget.format_value(field.value())
    error_class = f"{base_class}--error" if common["errors"] else ""
    return {
        "input_type": input_type,
        "value": value,
        "classes": _classes(base_class, widget.attrs.get("class"), error_class),
        "attrs": _passthrough_attrs(extra),
    }


def _textarea_context(field: BoundField, widget: forms.Widget, common: dict[str, Any]) -> dict[str, Any]:
    attrs = {name: value for name, value in widget.attrs.items() if name not in {"rows", "cols"}}
    return {
        "value": widget.format_value(field.value()) or "",
        "rows": widget.attrs.get("rows", 5),
        "classes": _classes(
            "govuk-textarea", widget.attrs.get("class"), "govuk-textarea--error" if common["errors"] else ""
        ),
        "attrs": _passthrough_attrs(attrs),
    }


def _select_context(field: BoundField, widget: forms.Widget, common: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(widget, forms.Select)
    attrs = dict(widget.attrs)
    if widget.allow_multiple_selected:
        attrs["multiple"] = True
    return {
        # Django's own grouping and "is this option selected" logic, so typed-back values,
        # model choices and optgroups all behave as they do in Django's templates.
        "optgroups": widget.optgroups(field.html_name, widget.format_value(field.value())),
        "classes": _classes(
            "govuk-select", widget.attrs.get("class"), "govuk-select--error" if common["errors"] else ""
        ),
        "attrs": _passthrough_attrs(attrs),
    }


def _choice_items(field: BoundField, widget: ChoiceWidget, field_id: str) -> list[dict[str, Any]]:
    """Radio or checkbox items. The first item's id is the field's id (as GOV.UK does), so
    the error summary's link to ``#id_<name>`` lands on the first choice."""
    options = [
        option
        for _group, group_options, _index in widget.optgroups(field.html_name, widget.format_value(field.value()))
        for option in group_options
    ]
    return [
        {
            "id": field_id if number == 1 else f"{field_id}_{number}",
            "value": option["value"],
            "label": option["label"],
            "checked": option["selected"],
        }
        for number, option in enumerate(options, start=1)
    ]


def _radios_context(field: BoundField, widget: forms.Widget, common: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(widget, forms.RadioSelect)
    return {
        "items": _choice_items(field, widget, common["id"]),
        "classes": _classes(
            "govuk-radios", "govuk-radios--inline" if widget.attrs.get("inline") else "", widget.attrs.get("class")
        ),
        "attrs": _passthrough_attrs(widget.attrs),
    }


def _checkboxes_context(field: BoundField, widget: forms.Widget, common: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(widget, forms.CheckboxSelectMultiple)
    return {
        "items": _choice_items(field, widget, common["id"]),
        "classes": _classes("govuk-checkboxes", widget.attrs.get("class")),
        "attrs": _passthrough_attrs(widget.attrs),
    }


def _checkbox_context(field: BoundField, widget: forms.Widget, common: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(widget, forms.CheckboxInput)
    return {
        "checked": widget.check_test(field.value()),
        "classes": _classes("govuk-checkboxes", widget.attrs.get("class")),
        "attrs": _passthrough_attrs(widget.attrs),
    }


def _date_context(field: BoundField, widget: forms.Widget, common: dict[str, Any]) -> dict[str, Any]:
    assert isinstance(widget, GovukDateWidget)
    value = field.value()
    # Bound: the three strings exactly as typed. Unbound: the initial date split up.
    typed = value if isinstance(value, list | tuple) else widget.decompress(value)
    parts_in_error = _date_parts_in_error(field)
    return {
        "parts": [
            {
                "id": f"{common['id']}_{part}",
                "name": f"{field.html_name}_{part}",
                "label": part.capitalize(),
                "value": "" if typed_value is None else typed_value,
                "classes": _classes(
                    "govuk-input govuk-date-input__input",
                    _DATE_PART_WIDTHS[part],
                    "govuk-input--error" if part in parts_in_error else "",
                ),
                "autocomplete": f"{widget.autocomplete}-{part}" if widget.autocomplete else "",
            }
            for part, typed_value in zip(DATE_PARTS, typed, strict=True)
        ],
        "attrs": _passthrough_attrs(widget.attrs),
    }


def _date_parts_in_error(field: BoundField) -> set[str]:
    """GOV.UK highlights only the boxes a message is about ("must include a year" -> year);
    GovukDateField says which in each error's params. Errors added any other way mark all three."""
    parts: set[str] = set()
    for error in field.errors.as_data():
        params = error.params if isinstance(error.params, dict) else {}
        parts.update(params.get("parts", DATE_PARTS))
    return parts


_KIND_CONTEXT = {
    "input": _input_context,
    "textarea": _textarea_context,
    "select": _select_context,
    "radios": _radios_context,
    "checkboxes": _checkboxes_context,
    "checkbox": _checkbox_context,
    "date": _date_context,
}


# --- {% error_summary %} ------------------------------------------------------------------------


@register.inclusion_tag("ui/components/error_summary.html")
def error_summary(form: forms.BaseForm) -> dict[str, Any]:
    """The GOV.UK error summary for ``form``; renders nothing when the form has no errors."""
    return {"form": form}


@register.filter
def govuk_error_anchor(field: BoundField) -> str:
    """The id the error summary links to: the field itself, the first choice of radios or
    checkboxes (which ``govuk_field`` gives the field's id), or the day box of a date."""
    field_id = field.auto_id or field.html_name
    if isinstance(field.field.widget, GovukDateWidget):
        return f"{field_id}_day"
    return field_id


# --- dates ------------------------------------------------------------------------------------------


@register.filter
def govuk_date(value: date | datetime | None) -> str:
    """ "5 January 2026". A datetime is shown as its date in Europe/London."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value, LONDON).date()
    return format_govuk_date(value)


@register.filter
def govuk_datetime(value: datetime | None) -> str:
    """ "5 January 2026 at 2:30pm" in Europe/London, in GOV.UK style: "2pm" on the hour,
    "midday" and "midnight" rather than 12pm and 12am."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value, LONDON)
    return f"{format_govuk_date(local.date())} at {_govuk_time(local.hour, local.minute)}"


@register.filter
def govuk_time(value: datetime | None) -> str:
    """ "2:30pm" in Europe/London, in the same GOV.UK style as ``govuk_datetime``, for "Draft saved at 2:30pm"."""
    if value is None or value == "":
        return ""
    local = timezone.localtime(value, LONDON)
    return _govuk_time(local.hour, local.minute)


def _govuk_time(hour: int, minute: int) -> str:
    if minute == 0 and hour == 12:
        return "midday"
    if minute == 0 and hour == 0:
        return "midnight"
    suffix = "am" if hour < 12 else "pm"
    clock_hour = hour % 12 or 12
    return f"{clock_hour}{suffix}" if minute == 0 else f"{clock_hour}:{minute:02d}{suffix}"
