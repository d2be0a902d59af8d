"""The SSDA903 (children looked after) code sets, recorded as practitioners choose them.

Episodes, placements, reviews, missing episodes and care leavers' circumstances are
stored in these codes so the 903 return comes out of everyday recording with no
re-keying (ARCHITECTURE idea 8). Source: ``shared/domain/returns.md`` §2.2, from the
sector validator's rules (numbers in brackets). The category of need is the census
``PrimaryNeed`` N1–N8 (rule 145). Where the wording of a code is not confirmed by the
sources, its label says what the code is for and no more.
"""

from django.db import models


class LegalStatus(models.TextChoices):
    """The legal basis on which the child is looked after (rule 144)."""

    INTERIM_CARE_ORDER = "C1", "Interim care order"
    FULL_CARE_ORDER = "C2", "Full care order"
    FREEING_ORDER = "D1", "Freeing order (before 30 December 2005 only)"
    PLACEMENT_ORDER = "E1", "Placement order"
    SECTION_20 = "V2", "Accommodated under section 20 (single period)"
    SHORT_BREAKS_EPISODES = "V3", "Short breaks: episodes recorded"
    SHORT_BREAKS_AGREEMENT = "V4", "Short breaks: agreement recorded"
    REMANDED = "J1", "Remanded to local authority or youth detention accommodation"
    PACE = "J2", "In local authority accommodation under PACE"
    YOUTH_REHABILITATION_ORDER = "J3", "Youth rehabilitation order with residence or intensive fostering"
    POLICE_PROTECTION = "L1", "Police protection, in local authority accommodation"
    EMERGENCY_PROTECTION_ORDER = "L2", "Emergency protection order"
    CHILD_ASSESSMENT_ORDER = "L3", "Child assessment order, in local authority accommodation"


# A freeing order can no longer be made; it stays so that old histories read true.
LEGAL_STATUSES_NO_LONGER_MADE = frozenset({LegalStatus.FREEING_ORDER})
# Short breaks: the child is looked after during each stay, not between them.
SHORT_BREAK_STATUSES = frozenset({LegalStatus.SHORT_BREAKS_EPISODES, LegalStatus.SHORT_BREAKS_AGREEMENT})


class ReasonNewEpisode(models.TextChoices):
    """Why a new episode began (rule 143)."""

    STARTED = "S", "Started to be looked after"
    LEGAL_STATUS = "L", "Change of legal status only"
    PLACEMENT = "P", "Change of placement and carer only"
    BOTH = "T", "Change of legal status and of placement and carer"
    BOTH_SAME_CARER = "U", "Change of legal status and of placement, same carer"
    PLACEMENT_SAME_CARER = "B", "Change of placement, same carer"


class PlacementType(models.TextChoices):
    """Where and with whom the child lives (rule 146, 2025-26 set, with the codes older years used)."""

    ADOPTION_CONSENT_CURRENT_CARER = "A3", "Placed for adoption with consent, with current foster carer"
    ADOPTION_CONSENT_NEW_CARER = "A4", "Placed for adoption with consent, not with current foster carer"
    ADOPTION_ORDER_CURRENT_CARER = "A5", "Placed for adoption under a placement order, with current foster carer"
    ADOPTION_ORDER_NEW_CARER = "A6", "Placed for adoption under a placement order, not with current foster carer"
    SECURE_CHILDRENS_HOME = "K1", "Secure children's home"
    CHILDRENS_HOME = "K2", "Children's home"
    SUPPORTED_ACCOMMODATION = "K3", "Supported accommodation (Ofsted-registered)"
    WITH_PARENTS = "P1", "Placed with parents or others with parental responsibility"
    INDEPENDENT_LIVING = "P2", "Independent living (before 2024-25)"
    RESIDENTIAL_EMPLOYMENT = "P3", "Residential employment"
    SEMI_INDEPENDENT = "H5", "Semi-independent accommodation (before 2024-25)"
    RESIDENTIAL_CARE_HOME = "R1", "Residential care home"
    NHS_TRUST = "R2", "NHS trust or establishment providing medical or nursing care"
    FAMILY_CENTRE = "R3", "Family centre or mother and baby unit"
    YOUNG_OFFENDER_INSTITUTION = "R5", "Young offender institution or prison"
    RESIDENTIAL_SCHOOL = "S1", "Residential school"
    TEMPORARY_NOT_CODED = "T0", "Temporary move of not more than 7 days (other)"
    TEMPORARY_HOSPITAL = "T1", "Temporary move: hospital"
    TEMPORARY_HOLIDAY = "T2", "Temporary move: holiday"
    TEMPORARY_CARER_HOLIDAY = "T3", "Temporary move: carer's holiday"
    TEMPORARY_OTHER = "T4", "Temporary move: other, of not more than 7 days"
    RELATIVE_LONG_TERM = "U1", "Foster carer who is a relative or friend: long-term"
    RELATIVE_FOSTER_FOR_ADOPTION = "U2", "Foster carer who is a relative or friend and an approved adopter"
    RELATIVE_OTHER = "U3", "Foster carer who is a relative or friend: not long-term or foster for adoption"
    FOSTER_LONG_TERM = "U4", "Other foster carer: long-term"
    FOSTER_FOR_ADOPTION = "U5", "Other foster carer who is an approved adopter (foster for adoption)"
    FOSTER_OTHER = "U6", "Other foster carer: not long-term or foster for adoption"
    OTHER = "Z1", "Other placement (before 2025-26)"
    OTHER_Z11 = "Z11", "Other placement: code Z11 (2025-26)"
    OTHER_Z12 = "Z12", "Other placement: code Z12 (2025-26)"
    OTHER_Z13 = "Z13", "Other placement: code Z13 (2025-26)"
    OTHER_Z14 = "Z14", "Other placement: code Z14 (2025-26)"


ADOPTIVE_PLACEMENTS = frozenset(
    {
        PlacementType.ADOPTION_CONSENT_CURRENT_CARER,
        PlacementType.ADOPTION_CONSENT_NEW_CARER,
        PlacementType.ADOPTION_ORDER_CURRENT_CARER,
        PlacementType.ADOPTION_ORDER_NEW_CARER,
    }
)
PLACEMENT_ORDER_PLACEMENTS = frozenset(
    {PlacementType.ADOPTION_ORDER_CURRENT_CARER, PlacementType.ADOPTION_ORDER_NEW_CARER}
)
FOSTER_PLACEMENTS = frozenset(
    {
        PlacementType.RELATIVE_LONG_TERM,
        PlacementType.RELATIVE_FOSTER_FOR_ADOPTION,
        PlacementType.RELATIVE_OTHER,
        PlacementType.FOSTER_LONG_TERM,
        PlacementType.FOSTER_FOR_ADOPTION,
        PlacementType.FOSTER_OTHER,
    }
)
CONNECTED_PERSON_PLACEMENTS = frozenset(
    {PlacementType.RELATIVE_LONG_TERM, PlacementType.RELATIVE_FOSTER_FOR_ADOPTION, PlacementType.RELATIVE_OTHER}
)
LONG_TERM_FOSTER_PLACEMENTS = frozenset({PlacementType.RELATIVE_LONG_TERM, PlacementType.FOSTER_LONG_TERM})
TEMPORARY_PLACEMENTS = frozenset(
    {
        PlacementType.TEMPORARY_NOT_CODED,
        PlacementType.TEMPORARY_HOSPITAL,
        PlacementType.TEMPORARY_HOLIDAY,
        PlacementType.TEMPORARY_CARER_HOLIDAY,
        PlacementType.TEMPORARY_OTHER,
    }
)
# Placements whose provider must be left blank (rules 178, 213).
PLACEMENTS_WITHOUT_PROVIDER = frozenset(
    {
        PlacementType.TEMPORARY_NOT_CODED,
        PlacementType.TEMPORARY_HOSPITAL,
        PlacementType.TEMPORARY_HOLIDAY,
        PlacementType.TEMPORARY_CARER_HOLIDAY,
        PlacementType.OTHER_Z11,
        PlacementType.OTHER_Z12,
        PlacementType.OTHER_Z13,
        PlacementType.OTHER_Z14,
    }
)
# Codes the current collection year no longer accepts for a new placement.
PLACEMENT_TYPES_NO_LONGER_USED = frozenset(
    {PlacementType.INDEPENDENT_LIVING, PlacementType.SEMI_INDEPENDENT, PlacementType.OTHER}
)
# Placements no Ofsted registration covers: the return's URN is left blank for them (rules 218, 222).
PLACEMENTS_WITHOUT_URN = frozenset(
    {
        PlacementType.WITH_PARENTS,
        PlacementType.RESIDENTIAL_EMPLOYMENT,
        PlacementType.RESIDENTIAL_CARE_HOME,
        PlacementType.NHS_TRUST,
        PlacementType.YOUNG_OFFENDER_INSTITUTION,
        *TEMPORARY_PLACEMENTS,
        PlacementType.OTHER_Z11,
        PlacementType.OTHER_Z12,
        PlacementType.OTHER_Z13,
        PlacementType.OTHER_Z14,
    }
)
# Foster and adoptive placements are approved through a fostering or adoption service: with no URN of
# their own, the return writes its no-URN code for them, which it allows for these alone (rule 242).
FOSTER_AND_ADOPTIVE_PLACEMENTS = FOSTER_PLACEMENTS | ADOPTIVE_PLACEMENTS
# Every other placement must name its own Ofsted URN (rule 218): children's homes, supported
# accommodation, residential schools, family centres and the rest.
PLACEMENTS_WITH_URN = frozenset(PlacementType.values) - FOSTER_AND_ADOPTIVE_PLACEMENTS - PLACEMENTS_WITHOUT_URN


class PlacementProvider(models.TextChoices):
    """Who provides the placement (rules 178, 213)."""

    PARENTS = "PR0", "Parents or others with parental responsibility"
    OWN_AUTHORITY = "PR1", "This council's own provision"
    OTHER_AUTHORITY = "PR2", "Another council's provision"
    OTHER_PUBLIC = "PR3", "Other public provision (for example a primary care trust)"
    PRIVATE = "PR4", "Private provision"
    VOLUNTARY = "PR5", "Voluntary or third-sector provision"


class ReasonEpisodeCeased(models.TextChoices):
    """Why an episode ended (rule 149). X1 alone means the child is still looked after."""

    CONTINUES = "X1", "Episode ended; the child remains looked after"
    ADOPTED_UNOPPOSED = "E11", "Adopted: application unopposed"
    ADOPTED_CONSENT_DISPENSED = "E12", "Adopted: consent dispensed with by the court"
    DIED = "E2", "Died"
    ANOTHER_AUTHORITY = "E3", "Care taken over by another local authority"
    HOME_AS_PLANNED = "E4A", "Returned home to parents or relatives as part of the care plan"
    HOME_NOT_PLANNED = "E4B", "Returned home to parents or relatives, not as part of the care plan"
    LIVING_WITH_OTHERS = "E13", "Left care to live with parents, relatives or others with no parental responsibility"
    CHILD_ARRANGEMENTS_ORDER = "E41", "Residence or child arrangements order"
    SGO_FORMER_CARER_RELATIVE = "E45", "Special guardianship order: former foster carer who is a relative or friend"
    SGO_FORMER_CARER_OTHER = "E46", "Special guardianship order: other former foster carer"
    SGO_RELATIVE = "E47", "Special guardianship order: relative or friend who was not the foster carer"
    SGO_OTHER = "E48", "Special guardianship order: other"
    INDEPENDENT_SUPPORTED = "E5", "Moved to independent living with supportive accommodation"
    INDEPENDENT_UNSUPPORTED = "E6", "Moved to independent living with no formal support"
    ADULT_SOCIAL_CARE = "E7", "Transferred to residential care funded by adult social care"
    CUSTODY = "E9", "Sentenced to custody"
    REMAND_ENDED = "E14", "Accommodation on remand ended"
    AGE_ASSESSED_ADULT = "E15", "Age assessment found the young person to be 18 or over"
    MOVED_ABROAD = "E16", "Moved abroad"
    STAYING_PUT = "E17", "Aged 18 or over and stayed with current carers (staying put)"
    OTHER = "E8", "Care ended for any other reason"


ADOPTED = frozenset({ReasonEpisodeCeased.ADOPTED_UNOPPOSED, ReasonEpisodeCeased.ADOPTED_CONSENT_DISPENSED})
SPECIAL_GUARDIANSHIP = frozenset(
    {
        ReasonEpisodeCeased.SGO_FORMER_CARER_RELATIVE,
        ReasonEpisodeCeased.SGO_FORMER_CARER_OTHER,
        ReasonEpisodeCeased.SGO_RELATIVE,
        ReasonEpisodeCeased.SGO_OTHER,
    }
)


class ReasonPlacementChange(models.TextChoices):
    """Why the child moved (rule 1009)."""

    CARE_PLAN = "CARPL", "Change to, or carrying out, the care plan"
    PROVISION_CLOSED = "CLOSE", "Resignation of the carer or closure of the provision"
    ALLEGATION = "ALLEG", "Allegation (section 47)"
    STANDARDS_OF_CARE = "STAND", "Concern about standards of care"
    APPROVAL_REMOVED = "APPRR", "Approval of the carer removed"
    CARER_REQUEST_BEHAVIOUR = "CREQB", "Carer asked for the placement to end because of the child's behaviour"
    CARER_REQUEST_OTHER = "CREQO", "Carer asked for the placement to end for another reason"
    CHILD_REQUEST = "CHILD", "The child asked for the placement to end"
    AUTHORITY_REQUEST = "LAREQ", "The responsible or area authority asked for the placement to end"
    STATUS_ONLY = "PLACE", "Change in the status of the placement only"
    CUSTODY = "CUSTOD", "Custody"
    OTHER = "OTHER", "Other"


class ReviewParticipation(models.TextChoices):
    """How the child took part in their review (rule 167)."""

    UNDER_FOUR = "PN0", "Child under 4 at the time of the review"
    SPOKE_FOR_SELF = "PN1", "Attended and spoke for themselves"
    ADVOCATE_SPOKE = "PN2", "Attended; an advocate spoke for them"
    NON_VERBAL = "PN3", "Attended and conveyed their views non-verbally"
    ATTENDED_NO_VIEWS = "PN4", "Attended but did not convey their views"
    ADVOCATE_ABSENT = "PN5", "Did not attend; an advocate conveyed their views"
    VIEWS_SENT = "PN6", "Did not attend; conveyed their views by another means"
    NO_VIEWS = "PN7", "Did not attend and did not convey their views"


class MissingKind(models.TextChoices):
    """Missing, or away without authorisation (rule 1006)."""

    MISSING = "M", "Missing"
    AWAY = "A", "Away from placement without authorisation"


class SdqReason(models.TextChoices):
    """Why no SDQ score was returned (rule 196)."""

    NO_FORM_RETURNED = "SDQ1", "No form returned: child or carer refused"
    TOO_YOUNG_OR_OLD = "SDQ2", "Child under 4 or over 17 at the date of assessment"
    DISABILITY = "SDQ3", "Child's severity of disability prevented the questionnaire"
    OTHER = "SDQ4", "Other"
    NOT_COMPLETED = "SDQ5", "Not possible to complete for another reason"


class InTouch(models.TextChoices):
    """Whether the council is in touch with the care leaver (OC3, rule 131)."""

    YES = "YES", "In touch"
    NO = "NO", "Not in touch"
    DIED = "DIED", "Died"
    REFUSED = "REFU", "Young person refuses contact"
    NOT_REQUIRED = "NREQ", "No longer requires services"
    RETURNED_HOME = "RHOM", "Returned home"


class Activity(models.TextChoices):
    """The care leaver's main activity (OC3, rule 132)."""

    HIGHER_EDUCATION_FULL_TIME = "F1", "Higher education, full time"
    HIGHER_EDUCATION_PART_TIME = "P1", "Higher education, part time"
    OTHER_EDUCATION_FULL_TIME = "F2", "Other education, full time"
    OTHER_EDUCATION_PART_TIME = "P2", "Other education, part time"
    APPRENTICESHIP_FULL_TIME = "F4", "Apprenticeship, full time"
    APPRENTICESHIP_PART_TIME = "P4", "Apprenticeship, part time"
    TRAINING_OR_EMPLOYMENT_FULL_TIME = "F5", "Training or employment, full time"
    TRAINING_OR_EMPLOYMENT_PART_TIME = "P5", "Training or employment, part time"
    NEET_ILLNESS = "G4", "Not in education, employment or training: illness or disability"
    NEET_OTHER = "G5", "Not in education, employment or training: other reasons"
    NEET_PARENTING = "G6", "Not in education, employment or training: pregnancy or parenting"
    NOT_KNOWN = "0", "Not known (council not in touch)"


IN_EDUCATION_EMPLOYMENT_OR_TRAINING = frozenset(
    {
        Activity.HIGHER_EDUCATION_FULL_TIME,
        Activity.HIGHER_EDUCATION_PART_TIME,
        Activity.OTHER_EDUCATION_FULL_TIME,
        Activity.OTHER_EDUCATION_PART_TIME,
        Activity.APPRENTICESHIP_FULL_TIME,
        Activity.APPRENTICESHIP_PART_TIME,
        Activity.TRAINING_OR_EMPLOYMENT_FULL_TIME,
        Activity.TRAINING_OR_EMPLOYMENT_PART_TIME,
    }
)


class Accommodation(models.TextChoices):
    """Where the care leaver lives (OC3 ACCOM, without its suitability digit; rule 133)."""

    WITH_PARENTS = "B", "With parents or relatives"
    COMMUNITY_HOME = "C", "Community home or other form of residential care"
    SEMI_INDEPENDENT = "D", "Semi-independent, transitional accommodation"
    SUPPORTED_LODGINGS = "E", "Supported lodgings"
    GONE_ABROAD = "G", "Gone abroad"
    DEPORTED = "H", "Deported"
    ORDINARY_LODGINGS = "K", "Ordinary lodgings, without formal support"
    NOT_KNOWN = "R", "Residence not known"
    NO_FIXED_ABODE = "S", "No fixed abode or homeless"
    FOYER = "T", "Foyers and similar supported accommodation"
    INDEPENDENT = "U", "Independent living"
    EMERGENCY = "V", "Emergency accommodation"
    BED_AND_BREAKFAST = "W", "Bed and breakfast"
    CUSTODY = "X", "In custody"
    OTHER = "Y", "Other accommodation"
    FORMER_FOSTER_CARERS = "Z", "With former foster carers"


# The return pairs these with "2" (unsuitable) only (rule 133).
ALWAYS_UNSUITABLE_ACCOMMODATION = frozenset({Accommodation.NO_FIXED_ABODE, Accommodation.CUSTODY})


class AdopterSex(models.TextChoices):
    """The adopters (AD1 SEX_ADOPTR, rule 176)."""

    MALE = "M1", "A single male adopter"
    FEMALE = "F1", "A single female adopter"
    TWO_MALE = "MM", "Two male adopters"
    TWO_FEMALE = "FF", "Two female adopters"
    MALE_AND_FEMALE = "MF", "A male and a female adopter"


class AdopterLegalStatus(models.TextChoices):
    """The adopters' legal status (AD1 LS_ADOPTR, rule 177)."""

    SINGLE = "L0", "Single adopter"
    MARRIED_COUPLE = "L11", "Married couple"
    CIVIL_PARTNERS = "L12", "Civil partners"
    UNMARRIED_COUPLE = "L2", "Unmarried couple"
    PARTNER_OF_PARENT = "L3", "Partner of the child's parent"
    OTHER = "L4", "Other"


class ReasonPlacedCeased(models.TextChoices):
    """Why the decision that the child should be placed for adoption ended (rule 120)."""

    NEEDS_CHANGED = "RD1", "The child's needs changed"
    NO_PLACEMENT_ORDER = "RD2", "The court did not make a placement order"
    NO_ADOPTERS = "RD3", "Prospective adopters could not be found"
    OTHER = "RD4", "Any other reason"


class PreviousPermanence(models.TextChoices):
    """A permanence order the child had before this period of care (PrevPerm, rule 631)."""

    ADOPTION = "P1", "Adoption"
    SPECIAL_GUARDIANSHIP = "P2", "Special guardianship order"
    CHILD_ARRANGEMENTS = "P3", "Residence or child arrangements order"
    NOT_KNOWN = "P4", "Not known whether the child had a permanence order"
    NONE = "Z1", "No previous permanence order"


class SocialWorkerChangeReason(models.TextChoices):
    """Why the child's social worker changed (SW_REASON, rule SW13STG1)."""

    MANAGEMENT_DECISION = "MANAGE", "Management decision"
    FIRST_CONTACT = "FCONTA", "First contact with the child"
    LEFT_ROLE = "LEFTRL", "Social worker left the role"
    RESTRUCTURE = "ORGRST", "Organisational restructure"
    TRANSFER_BETWEEN_TEAMS = "TSPROC", "Transfer between teams or processes"
    ABSENCE = "ABSENC", "Social worker's absence"
    CHILD_CHOICE = "CHCHAN", "The child asked for a change"
    PARENT_CHOICE = "PCCHAN", "A parent or carer asked for a change"
    SOCIAL_WORKER_DIED = "SWDIED", "Social worker died"
    OTHER = "OTHERS", "Other"
