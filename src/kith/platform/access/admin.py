"""Sign-in accounts in the administration screens."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from kith.platform.access.models import User

admin.site.register(User, UserAdmin)
admin.site.site_header = "Kith administration"
admin.site.site_title = "Kith administration"
