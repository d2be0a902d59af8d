"""Local standards in the administration screens: a looser one is refused with the reason shown."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kith.platform.access.roles import Role
from kith.platform.timescales.models import LocalStandard
from tests.factories import given_staff, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_signed_in(client: Client) -> Client:
    administrator = given_staff(Role.SYSTEM_ADMINISTRATOR)
    administrator.user.is_staff = True
    administrator.user.is_superuser = True
    administrator.user.save(update_fields=["is_staff", "is_superuser"])
    return signed_in_client(client, administrator)


def _form(number: int) -> dict[str, str]:
    return {
        "timescale_code": "child_protection.initial_conference",
        "limit_kind": "working_days",
        "limit_number": str(number),
        "reason": "Agreed by the safeguarding partnership",
        "active": "on",
    }


def test_a_looser_local_standard_is_refused_with_the_reason(admin_client_signed_in: Client) -> None:
    # given
    url = reverse("admin:timescales_localstandard_add")
    # when
    response = admin_client_signed_in.post(url, _form(20))
    # then
    assert response.status_code == 200
    assert "A local standard can only be stricter than the statutory 15 working days" in response.content.decode()
    assert LocalStandard.objects.count() == 0


def test_a_stricter_local_standard_is_saved_with_who_set_it(admin_client_signed_in: Client) -> None:
    # given
    url = reverse("admin:timescales_localstandard_add")
    # when
    response = admin_client_signed_in.post(url, _form(10))
    # then
    assert response.status_code == 302
    standard = LocalStandard.objects.get()
    assert (standard.timescale_code, standard.limit.in_words, standard.set_by.is_superuser) == (
        "child_protection.initial_conference",
        "10 working days",
        True,
    )


def test_the_change_page_shows_earlier_versions(admin_client_signed_in: Client) -> None:
    # given a standard set, then changed
    admin_client_signed_in.post(reverse("admin:timescales_localstandard_add"), _form(12))
    standard = LocalStandard.objects.get()
    change = reverse("admin:timescales_localstandard_change", args=[standard.pk])
    admin_client_signed_in.post(change, _form(10))
    # when
    html = admin_client_signed_in.get(change).content.decode()
    # then
    assert ": insert 12 (working days), active — Agreed by the safeguarding partnership</li>" in html
    assert ": update 10 (working days), active — Agreed by the safeguarding partnership</li>" in html
