"""An API list never returns more than 200 records at once, whatever the caller asks for."""

from __future__ import annotations

from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from kith.api.pagination import KithPagination


def test_a_request_for_more_than_200_gets_200() -> None:
    # given 300 records and a caller asking for 500 of them
    request = Request(APIRequestFactory().get("/api/people/", {"limit": "500"}))
    # when the list is paged
    page = KithPagination().paginate_queryset(list(range(300)), request)
    # then one page holds 200
    assert page == list(range(200))


def test_without_a_limit_a_page_holds_50() -> None:
    # given a caller who does not say how many
    request = Request(APIRequestFactory().get("/api/people/"))
    # when the list is paged
    page = KithPagination().paginate_queryset(list(range(300)), request)
    # then one page holds 50
    assert page == list(range(50))
