"""Paging for API lists: 50 a page unless asked, never more than 200 at once."""

from rest_framework.pagination import LimitOffsetPagination


class KithPagination(LimitOffsetPagination):
    default_limit = 50
    # A caller cannot pull the whole population in one request.
    max_limit = 200
