"""Binding a page's form to the user's draft: for the views of every area.

``form_with_draft(request, form_key, FormClass, **kwargs)`` gives the form to show:

* on a POST, bound to ``request.POST``, exactly as ``FormClass(request.POST, **kwargs)``;
* on a GET when the user left a draft of this form, filled from the draft, with the notice
  "You have an unsaved draft from 10:42am today. It has been restored." and no error messages
  yet (the draft is work in progress: problems are shown when the user submits it);
* otherwise unbound, showing ``initial``.

After the POST has been recorded, the view calls ``discard_draft(request.user, form_key)``.
``form_data_with_draft`` is the lower-level piece, for a page that binds more than one form
(a form and a formset) to the same data; ``hold_back_errors(form, formset)`` then keeps a
restored draft from showing error messages. See the package docstring for the whole pattern.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.http import QueryDict

from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.drafts.store import describe_saved_at, discard_draft, load_draft

__all__ = ["discard_draft", "form_data_with_draft", "form_with_draft", "hold_back_errors"]

F = TypeVar("F", bound=forms.BaseForm)


def form_data_with_draft(request: AuthenticatedRequest, form_key: str) -> QueryDict | None:
    """What to bind the page's form to: the POST on a POST; on a GET the user's draft, if any
    (adding the "It has been restored" notice); otherwise None, for an unbound form."""
    if request.method == "POST":
        return request.POST
    found = load_draft(request.user, form_key)
    if found is None:
        return None
    data, when = found
    messages.info(request, f"You have an unsaved draft from {describe_saved_at(when)}. It has been restored.")
    return data


def form_with_draft(request: AuthenticatedRequest, form_key: str, form_class: type[F], **kwargs: Any) -> F:
    """The page's form: bound to the POST, filled from the user's draft, or unbound (see above).

    A form filled from a draft is for showing only: the view calls ``is_valid()`` on a POST alone.
    """
    data = form_data_with_draft(request, form_key)
    form = form_class(data, **kwargs)
    if data is not None and request.method != "POST":
        hold_back_errors(form)
    return form


def hold_back_errors(*parts: forms.BaseForm | forms.BaseFormSet[Any]) -> None:
    """Show what was typed into forms (and formsets) filled from a draft, without error messages.

    A draft is work in progress: "There is a problem" waits until the user submits it. Reading
    the errors validates each part once; emptying them keeps the page from showing them.
    """
    for part in parts:
        if isinstance(part, forms.BaseFormSet):
            part.non_form_errors().clear()
            hold_back_errors(*part.forms)
        else:
            part.errors.clear()
