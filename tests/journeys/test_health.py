"""The health check answers without signing in, and shows nothing else."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_without_signing_in(client: Client) -> None:
    # when a monitor asks
    response = client.get("/health/")
    # then it hears that Kith and its database are up
    assert (response.status_code, json.loads(response.content)) == (200, {"status": "ok"})
