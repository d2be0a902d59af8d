from django.urls import path

from kith.inspection import views

app_name = "inspection"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_report, name="import"),
    path("inspections/<int:pk>/", views.inspection_detail, name="inspection"),
    path("inspections/<int:pk>/published/", views.set_publication_date, name="set_publication_date"),
    path("plans/<int:pk>/", views.plan_detail, name="plan"),
    path("my-items/", views.my_items, name="my_items"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/assign/", views.assign_item, name="assign_item"),
    path("items/<int:pk>/actions/new/", views.add_action, name="add_action"),
    path("actions/<int:pk>/complete/", views.complete_action, name="complete_action"),
    path("items/<int:pk>/progress/new/", views.record_progress, name="record_progress"),
    path("items/<int:pk>/evidence/new/", views.link_evidence, name="link_evidence"),
    path("history/", views.history, name="history"),
    path("history/<str:key>/", views.history, name="council_history"),
    path("reference/", views.reference, name="reference"),
    path("self-evaluation/", views.self_evaluation, name="self_evaluation"),
    path("self-evaluation/<slug:area>/", views.self_evaluation_area, name="self_evaluation_area"),
]
