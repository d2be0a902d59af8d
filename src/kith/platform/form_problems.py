"""Showing an action's refusal on the form the user filled in."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.http import Http404

from kith.platform.rules import NotAllowed, RuleBroken

T = TypeVar("T")


def show_problems(form: forms.Form, refusal: RuleBroken) -> None:
    """Put each of the action's messages beside its field, or at the top when the form has no such field."""
    for field, messages in refusal.problems.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


def run_action(form: forms.Form, record: Callable[[], T]) -> T | None:
    """Call the action for a page: a refusal by access is "not found" (ADR 0005), a broken rule goes on
    the form beside its field. None when refused, so the page shows the form again with what was typed."""
    try:
        return record()
    except NotAllowed as refused:
        raise Http404("No such record") from refused
    except RuleBroken as broken:
        show_problems(form, broken)
        return None
