import pytest

from kith.platform.access.roles import Role
from kith.workforce.administration import add_team
from kith.workforce.models import StaffMember, TeamKind
from kith.workforce.tests.fixtures import Authority, add_staff, authority, sign_in  # noqa: F401 - shared fixtures


@pytest.fixture
def lado(authority: Authority) -> StaffMember:  # noqa: F811 - the fixture above
    """The authority's designated officer, in a safeguarding standards team."""
    team = add_team(name="Safeguarding Standards", kind=TeamKind.QUALITY_ASSURANCE, parent=authority.service)
    return add_staff("Nadia Osei", Role.LADO, team)
