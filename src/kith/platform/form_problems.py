"""Showing an action's refusal on the form the user filled in."""

from __future__ import annotations

from django import forms

from kith.platform.rules import RuleBroken


def show_problems(form: forms.Form, refusal: RuleBroken) -> None:
    """Put each of the action's messages beside its field, or at the top when the form has no such field."""
    for field, messages in refusal.problems.items():
        for message in messages:
            form.add_error(field if field in form.fields else None, message)
