"""Teams and staff in the administration screens (accounts with Django staff status).

Children's records are never edited here: they change only through actions. Teams
and staff records are not case state, so the admin may change them; a team's place
in the hierarchy is set when it is created, because moving it would silently change
what every manager above it can see.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from kith.workforce.models import StaffMember, Team


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent"]
    search_fields = ["name"]
    readonly_fields = ["path"]

    def get_readonly_fields(self, request: HttpRequest, obj: Team | None = None) -> list[str]:
        return ["path", "parent"] if obj is not None else ["path"]

    def save_model(self, request: HttpRequest, obj: Team, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            obj.path = f"{obj.parent.path if obj.parent else '/'}{obj.pk}/"
            obj.save(update_fields=["path"])

    def has_delete_permission(self, request: HttpRequest, obj: Team | None = None) -> bool:
        return False


@admin.register(StaffMember)
class StaffMemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "role", "team", "is_active"]
    list_filter = ["role", "team", "is_active"]
    search_fields = ["full_name", "user__username"]
    autocomplete_fields = ["team"]
    raw_id_fields = ["user"]

    def has_delete_permission(self, request: HttpRequest, obj: StaffMember | None = None) -> bool:
        # Leavers are made inactive: their name stays on everything they recorded.
        return False
