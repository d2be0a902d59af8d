"""The council's local standards in the administration screens.

A local standard may only be stricter than the statutory limit; the form shows the
refusal ("A local standard can only be stricter than the statutory 15 working days").
Standards are never deleted: a standard no longer wanted is made inactive, and the
change page lists every earlier version from the row history. Deadlines are case
state, changed only by actions, so they have no screen here.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from kith.platform import clock
from kith.platform.timescales import registry
from kith.platform.timescales.models import LocalStandard


def _timescale_choices() -> list[tuple[str, str]]:
    titles = {timescale.code: timescale for timescale in registry.all_timescales()}
    return [
        (code, f"{timescale.title} ({code}): {timescale.limit.in_words}")
        for code, timescale in sorted(titles.items(), key=lambda item: item[1].title)
    ]


class LocalStandardForm(forms.ModelForm):
    timescale_code = forms.ChoiceField(label="Timescale", choices=_timescale_choices)

    class Meta:
        model = LocalStandard
        fields = ["timescale_code", "limit_kind", "limit_number", "reason", "active"]


@admin.register(LocalStandard)
class LocalStandardAdmin(admin.ModelAdmin):
    form = LocalStandardForm
    list_display = ["timescale_code", "limit_in_words", "active", "set_by", "set_at"]
    list_filter = ["active"]
    search_fields = ["timescale_code", "reason"]
    readonly_fields = ["set_by", "set_at", "history"]

    @admin.display(description="Limit")
    def limit_in_words(self, standard: LocalStandard) -> str:
        return standard.limit.in_words

    @admin.display(description="Earlier versions")
    def history(self, standard: LocalStandard) -> SafeString | str:
        if standard.pk is None:
            return "—"
        events = standard.pgh_event_model.objects.filter(pgh_obj=standard).order_by("-pgh_created_at")  # type: ignore[attr-defined]
        rows = format_html_join(
            "",
            "<li>{}: {} {} ({}), {} — {}</li>",
            (
                (
                    f"{event.pgh_created_at:%d %b %Y %H:%M}",
                    event.pgh_label,
                    event.limit_number,
                    event.limit_kind.replace("_", " "),
                    "active" if event.active else "inactive",
                    event.reason,
                )
                for event in events
            ),
        )
        return format_html("<ul>{}</ul>", rows)

    def save_model(self, request: HttpRequest, obj: LocalStandard, form: Any, change: bool) -> None:
        obj.set_by = request.user  # type: ignore[assignment]
        obj.set_at = clock.now()
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: HttpRequest, obj: LocalStandard | None = None) -> bool:
        # Make a standard inactive instead: deadlines already started were computed from it.
        return False
