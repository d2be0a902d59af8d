"""The autosave endpoint: ``POST /drafts/<form key>/`` keeps the posted fields as the user's draft.

Called by ``assets/js/kith.js`` while the user types; answers ``{"saved_at": "10:42am"}``.
Sign-in is required by ``RequireSignInMiddleware`` (a signed-out request is redirected to the
sign-in page and nothing is kept) and the CSRF token by Django's middleware, as for any form.
A draft is filed under the signed-in user only, so there is nothing here to read anyone's draft.

The helpers for other areas' views live in ``kith.platform.drafts.forms``; they can be imported
from here too.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from kith.platform.access.requests import AuthenticatedRequest
from kith.platform.drafts.forms import discard_draft, form_data_with_draft, form_with_draft, hold_back_errors
from kith.platform.drafts.store import MAX_DRAFT_BYTES, DraftTooLarge, is_form_key, save_draft
from kith.platform.ui.templatetags.kith_ui import govuk_time

__all__ = ["discard_draft", "form_data_with_draft", "form_with_draft", "hold_back_errors", "save"]

TOO_LARGE = (
    f"This draft is too long to keep (more than {MAX_DRAFT_BYTES // 1024} KB). What you typed is still "
    "on this page: submit the form to record it."
)
BAD_KEY = "Drafts cannot be kept for this form: its form key may only hold letters, digits and . _ : -"


@require_POST
def save(request: AuthenticatedRequest, form_key: str) -> JsonResponse:
    """Keep the posted fields as the signed-in user's draft of ``form_key``."""
    if not is_form_key(form_key):
        return JsonResponse({"error": BAD_KEY}, status=400)
    try:
        draft = save_draft(request.user, form_key, request.POST)
    except DraftTooLarge:
        return JsonResponse({"error": TOO_LARGE}, status=413)
    return JsonResponse({"saved_at": govuk_time(draft.saved_at)})
