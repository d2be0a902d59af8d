"""Marking a form for drafts, and the line that says its draft is kept.

    {% load kith_drafts %}
    <form method="post" novalidate {% draft_attributes form_key %}>
      {% csrf_token %}
      ...fields...
      {% draft_status form_key %}
      <div class="govuk-button-group">…</div>
    </form>

``draft_attributes`` writes ``data-kith-draft="<form key>"`` and the URL to post drafts to;
``assets/js/kith.js`` saves every form carrying them as the user types. ``draft_status`` is the
"Your draft is saved as you type" line with a live region the script fills ("Draft saved at
10:42am"). The line is rendered hidden and shown by the script, so that without JavaScript (when
nothing is saved as you type) it promises nothing.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from kith.platform.drafts.store import is_form_key

register = template.Library()


@register.simple_tag
def draft_attributes(form_key: str) -> SafeString:
    """The attributes that make kith.js save this form as a draft."""
    _check(form_key)
    return format_html(
        'data-kith-draft="{}" data-kith-draft-url="{}"', form_key, reverse("drafts:save", args=[form_key])
    )


@register.inclusion_tag("drafts/status.html")
def draft_status(form_key: str) -> dict[str, Any]:
    """ "Your draft is saved as you type", and where "Draft saved at 10:42am" is announced."""
    _check(form_key)
    return {"form_key": form_key}


def _check(form_key: str) -> None:
    if not is_form_key(form_key):
        raise template.TemplateSyntaxError(
            f"{form_key!r} is not a form key: letters, digits and . _ : - only, at most 200 characters"
        )
