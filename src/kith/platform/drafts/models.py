"""The drafts table: one row per user and form, replaced as the user types.

Not case state: written directly by ``kith.platform.drafts.store`` (not by an action, no
chronology event) and kept without row history on purpose, so that text the user typed and
then deleted is not kept anywhere once the draft is replaced or discarded.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Draft(models.Model):
    """What ``user`` has typed so far into the form named by ``form_key``, not yet submitted.

    ``data`` maps each field's name to the list of its values, as a ``QueryDict`` holds them
    (a field such as a group of checkboxes may have several).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts")
    form_key = models.CharField(max_length=200)
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "form_key"], name="drafts_one_draft_per_user_and_form"),
            models.CheckConstraint(
                condition=models.Q(form_key__regex=r"^[A-Za-z0-9._:-]{1,200}$"), name="drafts_form_key_is_safe"
            ),
        ]

    def __str__(self) -> str:
        return f"Draft of {self.form_key}"
