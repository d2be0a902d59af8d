from django.urls import path

from kith.people.views import access_log, add, changes, chronology, due, export, record, restricted, search

app_name = "people"

urlpatterns = [
    path("search/", search.search, name="search"),
    path("new/", add.add, name="add"),
    path("<int:pk>/", record.record, name="record"),
    path("<int:pk>/chronology/", chronology.chronology, name="chronology"),
    path("<int:pk>/due/", due.due, name="due"),
    path("<int:pk>/casework/", record.casework, name="casework"),
    path("<int:pk>/chronology/print/", chronology.chronology_print, name="chronology_print"),
    path("<int:pk>/details/", changes.edit_details, name="edit_details"),
    path("<int:pk>/address/new/", changes.move_address, name="move_address"),
    path("<int:pk>/relationships/new/", changes.add_relationship, name="add_relationship"),
    path("<int:pk>/professionals/new/", changes.add_professional, name="add_professional"),
    path("<int:pk>/warnings/new/", changes.new_warning, name="new_warning"),
    path("<int:pk>/names/new/", changes.new_other_name, name="new_other_name"),
    path("<int:pk>/restrict/", restricted.restrict, name="restrict"),
    path("<int:pk>/access/", restricted.grant, name="grant"),
    path("<int:pk>/access/<int:grant_pk>/end/", restricted.end_grant, name="end_grant"),
    path("<int:pk>/break-glass/", restricted.break_glass_view, name="break_glass"),
    path("<int:pk>/access-log/", access_log.record_access_log, name="access_log"),
    path("<int:pk>/export/", export.export_record, name="export"),
    path("break-glass/", access_log.break_glass_report, name="break_glass_report"),
]
