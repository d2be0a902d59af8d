"""Accounts, restricted-record grants, break-glass access and the access log."""

from __future__ import annotations

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


# Password hashes and sign-in times are left out of the row history on purpose.
@pghistory.track(exclude=["password", "last_login"])
class User(AbstractUser):
    """A sign-in account. What the person does in the service lives on their staff record."""

    class Meta:
        db_table = "access_user"

    def __str__(self) -> str:
        return self.get_username()


@pghistory.track()
class RestrictedAccessGrant(models.Model):
    """Permission for one user to see one restricted record (adoption, a colleague's relative...).

    Granted by a manager with a reason; revoking keeps the row, so the history of who
    could see the record is never lost.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="restricted_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="restricted_grants")
    reason = models.TextField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "user"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_live_restricted_grant_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} may see record {self.person_id}"


@pghistory.track()
class BreakGlassAccess(models.Model):
    """Emergency access to a restricted record within the user's scope, with a stated reason.

    Lasts a short, fixed time; managers see every use on the record's access log.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="break_glass_uses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_uses")
    reason = models.TextField()
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("started_at")), name="break_glass_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} broke the glass on record {self.person_id} at {self.started_at:%Y-%m-%d %H:%M}"


class AccessLogEntry(models.Model):
    """One look at, print of or export of a person's record; or a refusal to show one.

    Kept apart from the chronology (what happened to the child) and from row history
    (what changed in the data): this is who looked, and why when they broke the glass.
    """

    class What(models.TextChoices):
        VIEW = "view", "Viewed"
        PRINT = "print", "Printed"
        EXPORT = "export", "Exported"
        API = "api", "Read through the API"
        REFUSED = "refused", "Refused"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_log")
    person = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="access_log"
    )
    # The id asked for, kept even when it matched nothing, so probing for records shows up.
    requested_id = models.CharField(max_length=64, blank=True)
    what = models.CharField(max_length=16, choices=What.choices)
    page = models.CharField(max_length=200)
    at = models.DateTimeField(db_index=True)
    break_glass = models.ForeignKey(BreakGlassAccess, on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        verbose_name_plural = "access log entries"
        indexes = [models.Index(fields=["person", "-at"])]
        # Append-only: the database refuses to change or delete a row (ASVS 16.4.2), so the
        # log needs no row history of its own.
        triggers = [
            pgtrigger.Protect(name="access_log_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.get_what_display().lower()} {self.page} at {self.at:%Y-%m-%d %H:%M}"
