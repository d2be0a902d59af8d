"""Things a user may be allowed to do, named as the service speaks of them."""

from enum import StrEnum


class Capability(StrEnum):
    VIEW_CHILD_RECORD = "view_child_record"
    SEARCH_PEOPLE = "search_people"
    ADD_PERSON = "add_person"
    RECORD_CASE_WORK = "record_case_work"
    VIEW_CASELOAD = "view_caseload"
    VIEW_TEAM_CASELOAD = "view_team_caseload"
    ALLOCATE_CASE = "allocate_case"
    RECORD_MANAGEMENT_DECISION = "record_management_decision"
    RECORD_LADO_ALLEGATION = "record_lado_allegation"
    GRANT_RESTRICTED_ACCESS = "grant_restricted_access"
    EXPORT_CHILD_RECORD = "export_child_record"
    VIEW_ACCESS_LOG = "view_access_log"
    ADMINISTER_ACCOUNTS = "administer_accounts"
    # Import inspection reports, run the improvement plan, write the self-evaluation (kith.inspection).
    MANAGE_INSPECTION_READINESS = "manage_inspection_readiness"
    # Generate, validate and download the statutory returns; see the data-quality view (kith.returns).
    PRODUCE_RETURNS = "produce_returns"
