"""Every table of case and access data keeps its row history through django-pghistory.

Row history is one of the three histories kept apart (ARCHITECTURE idea 7). It is
trigger based, so it also catches bulk and raw writes; these tests check that each
model has a pghistory event model, and that the triggers are really in the database.
"""

from __future__ import annotations

import pgtrigger
import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.db.models import Model
from pghistory.models import Event

from kith.people.access import get_person_for_user_or_404
from kith.platform.access.models import AccessLogEntry
from kith.platform.access.roles import Role
from tests.factories import given_allocated_child, given_child, given_staff

# The apps whose every concrete model must keep row history.
TRACKED_APPS = (
    "people",
    "workforce",
    "quality",
    "access",
    "timescales",
    "front_door",
    "assessments",
    "plans",
    "visits",
    "child_in_need",
    "child_protection",
    "legal",
    "registers",
    "lado",
    "inspection",
    "children_in_care",
    "care_planning",
    "care_reviews",
    "health",
    "education",
    "missing",
    "youth_justice",
    "uasc",
    "adoption",
    "fostering",
    "care_leavers",
    "returns",
)

# Apps whose tables must keep NO row history, each with the reason.
WITHOUT_HISTORY = {
    "drafts": (
        "a draft is one user's unsaved typing, not case state: it is replaced every few seconds and "
        "discarded once the form is recorded, and a history would keep every word typed and deleted"
    ),
}


def _models_needing_history() -> list[type[Model]]:
    return sorted(
        (
            model
            for label in TRACKED_APPS
            for model in apps.get_app_config(label).get_models()
            if not issubclass(model, Event) and not model._meta.proxy and model._meta.managed
        ),
        key=lambda model: model._meta.label,
    )


def _tracked_models() -> set[type[Model]]:
    """Models that some concrete pghistory event model tracks."""
    return {
        model.pgh_tracked_model._meta.concrete_model
        for model in apps.get_models()
        if issubclass(model, Event) and model.pgh_tracked_model is not None
    }


def _append_only_models() -> set[type[Model]]:
    """Models whose rows the database refuses to change or delete: nothing to keep a history of."""
    return {
        model._meta.concrete_model
        for model, trigger in pgtrigger.registered()
        if isinstance(trigger, pgtrigger.Protect)
        and {str(pgtrigger.Update), str(pgtrigger.Delete)} <= {str(op) for op in trigger.operation.operations}
    }


def test_the_apps_have_models_to_check() -> None:
    # given / when
    labels = {model._meta.label for model in _models_needing_history()}
    # then
    assert {"people.Person", "workforce.Allocation", "quality.ManagementDecision", "access.User"} <= labels


@pytest.mark.parametrize("model", _models_needing_history(), ids=lambda model: model._meta.label)
def test_every_model_keeps_row_history(model: type[Model]) -> None:
    # given every model pghistory tracks
    # when
    tracked = _tracked_models() | _append_only_models()
    # then
    assert model in tracked, (
        f"{model._meta.label} has no row history: decorate it with @pghistory.track(), "
        "or make it append-only with a pgtrigger.Protect on update and delete"
    )


@pytest.mark.parametrize("label", sorted(WITHOUT_HISTORY))
def test_the_apps_without_history_really_keep_none(label: str) -> None:
    # given an app whose tables are not case records
    models = [model for model in apps.get_app_config(label).get_models() if not issubclass(model, Event)]
    # when
    tracked = [model._meta.label for model in models if model in _tracked_models()]
    # then
    assert (label in TRACKED_APPS, models != [], tracked) == (False, True, []), WITHOUT_HISTORY[label]


@pytest.mark.django_db
def test_the_history_triggers_are_installed_in_the_database() -> None:
    # given the tables of the tracked models
    tables = sorted({model._meta.db_table for model in _models_needing_history() if model in _tracked_models()})
    # when
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname::text, t.tgname::text
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE c.relname = ANY(%s) AND NOT t.tgisinternal AND t.tgname LIKE 'pgtrigger_%%'
            """,
            [tables],
        )
        triggers = cursor.fetchall()
    # then
    with_insert = {table for table, name in triggers if name.startswith("pgtrigger_insert_insert_")}
    with_update = {table for table, name in triggers if name.startswith("pgtrigger_update_update_")}
    assert (sorted(set(tables) - with_insert), sorted(set(tables) - with_update)) == ([], [])


@pytest.mark.django_db
def test_the_append_only_triggers_are_installed_in_the_database() -> None:
    # given the protecting triggers the models declare
    expected = sorted(
        (model._meta.db_table, trigger.get_pgid(model))
        for model, trigger in pgtrigger.registered()
        if model._meta.concrete_model in _append_only_models() and isinstance(trigger, pgtrigger.Protect)
    )
    # when
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT c.relname::text, t.tgname::text
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND t.tgenabled <> 'D'
              AND (c.relname, t.tgname) IN (SELECT * FROM unnest(%s::text[], %s::text[]))
            ORDER BY 1, 2
            """,
            [[table for table, _ in expected], [name for _, name in expected]],
        )
        installed = cursor.fetchall()
    # then
    assert (installed, expected != []) == (expected, True)


@pytest.mark.django_db
def test_the_access_log_refuses_changes_and_deletions() -> None:
    # given a logged look at a record
    worker = given_staff(Role.SOCIAL_WORKER)
    child = given_allocated_child(worker=worker)
    get_person_for_user_or_404(worker.user, child.pk, page="people:record")
    entry = AccessLogEntry.objects.get(user=worker.user)
    # when / then
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).update(page="tidied away")
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessLogEntry.objects.filter(pk=entry.pk).delete()
    assert list(AccessLogEntry.objects.filter(user=worker.user).values_list("page", flat=True)) == ["people:record"]


@pytest.mark.django_db
def test_a_write_through_an_action_leaves_a_history_row() -> None:
    # given
    history = _event_model_of("people.Person")
    # when
    child = given_child()
    # then
    assert list(history.objects.filter(pgh_obj=child).values_list("pgh_label", "family_name")) == [
        ("insert", child.family_name)
    ]


def _event_model_of(label: str) -> type[Model]:
    return apps.get_model(label).pgh_event_model  # type: ignore[attr-defined, no-any-return]
