import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

def test_probe(authority, sign_in):
    for staff, url in [(authority.social_worker, reverse("ui:home")), (authority.service_manager, reverse("workforce:team_caseload")), (authority.team_manager, reverse("workforce:allocate", args=[authority.own_child.pk])), (authority.team_manager, reverse("quality:record_decision", args=[authority.own_child.pk])), (authority.social_worker, reverse("api:person", args=[authority.own_child.pk])), (authority.social_worker, reverse("api:people")), (authority.social_worker, reverse("api:docs"))]:
        client = sign_in(staff)
        with CaptureQueriesContext(connection) as q:
            r = client.get(url)
        print(url, r.status_code, len(q.captured_queries))
        if "allocate" in url:
            for x in q.captured_queries: print("   ", x["sql"][:90], "...", x["sql"][-200:])
