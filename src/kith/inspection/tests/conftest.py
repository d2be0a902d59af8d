from pathlib import Path
from typing import Any

import pytest

from kith.platform.access.roles import Role
from kith.workforce.administration import add_team
from kith.workforce.models import StaffMember, TeamKind
from kith.workforce.tests.fixtures import Authority, add_staff, authority, sign_in  # noqa: F401 - shared fixtures

# The real reports sit in shared/reports beside the repository (see the issue). They are Crown
# copyright and name real inspectors, so Kith does not copy them in: where the folder is absent
# (a checkout on its own), the tests that read them are skipped and say why.
REPORTS = Path(__file__).resolve().parents[4].parent / "shared" / "reports"
NO_REPORTS = f"The real Ofsted reports are read from {REPORTS}, which is not present beside this checkout"


def report_path(name: str) -> Path:
    if not REPORTS.exists():
        pytest.skip(NO_REPORTS)
    path = REPORTS / name
    assert path.exists(), f"The real report {name} is expected in {REPORTS} (the shared folder beside the repository)"
    return path


@pytest.fixture(autouse=True)
def _the_council_is_hartlepool(settings: Any) -> None:
    # The council Kith serves in these tests: its reports start a plan, others are reference.
    settings.KITH_AUTHORITY_NAME = "Hartlepool"


@pytest.fixture
def head_of_service(authority: Authority) -> StaffMember:  # noqa: F811 - the fixture above
    return add_staff("Ruth Alder", Role.HEAD_OF_SERVICE, authority.service)


@pytest.fixture
def auditor(authority: Authority) -> StaffMember:  # noqa: F811 - the fixture above
    team = add_team(name="Quality Assurance", kind=TeamKind.QUALITY_ASSURANCE, parent=authority.service)
    return add_staff("Omar Finch", Role.QA_AUDITOR, team)
