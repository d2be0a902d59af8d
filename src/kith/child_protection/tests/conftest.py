"""Fixtures for child protection: the shared synthetic authority, with an IRO, on a fixed day.

Every test runs on 1 November 2027, so the story dates in early 2027 (referral 4 January,
strategy discussion 5 January, initial conference 13 January) are all in the past.
"""

from kith.child_protection.tests.fixtures import _today_is_1_november_2027, case, iro  # noqa: F401
from kith.workforce.tests.fixtures import authority, sign_in  # noqa: F401 - the shared synthetic authority
