"""Loading the signed-in user for each request."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from kith.platform.access.models import User


class StaffModelBackend(ModelBackend):
    """Django's password backend, loading the staff record and team with the user.

    Every page asks what the user's role and team allow, so reading them in the same
    query as the user saves two queries on every request.
    """

    def get_user(self, user_id: Any) -> User | None:
        users = User.objects.select_related("staff_member__team")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
