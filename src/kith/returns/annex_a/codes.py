"""Kith's codes as Annex A writes them: the letter-prefixed categories of Ofsted's template.

Each map goes from the code Kith records (the DfE census and 903 codes, or Kith's own choices) to
the category LIIA's ``Annex_A_schema.yml`` lists as its ``code:``. Every key of a DfE code set is
mapped, so a code recorded is never dropped: the tests check that each map covers its code set and
that each category is one the schema lists, with the DfE code among that category's names where
the schema names it.
"""

from __future__ import annotations

from kith.care_leavers.eligibility import CareLeaverStatus
from kith.care_planning.models import PermanencePlan
from kith.platform.reference.cin_census import CategoryOfAbuse, PrimaryNeed, ReasonForClosure, ReferralSource
from kith.platform.reference.dfe import Ethnicity, Sex
from kith.platform.reference.ssda903 import (
    Accommodation,
    Activity,
    InTouch,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlacedCeased,
)

YES = "Yes"
NO = "No"
UNKNOWN = "Unknown"


def yes_no(value: bool | None) -> str | None:
    """Yes or No; nothing when the question does not arise (``None``)."""
    if value is None:
        return None
    return YES if value else NO


GENDER: dict[str, str] = {
    Sex.MALE: "a) Male",
    Sex.FEMALE: "b) Female",
    Sex.UNKNOWN: "c) Not stated/recorded",
}

# Annex A groups the 20 census codes into the census's six broad groups.
ETHNICITY: dict[str, str] = {
    **dict.fromkeys((Ethnicity.WBRI, Ethnicity.WIRI, Ethnicity.WIRT, Ethnicity.WOTH, Ethnicity.WROM), "a) White"),
    **dict.fromkeys((Ethnicity.MWBC, Ethnicity.MWBA, Ethnicity.MWAS, Ethnicity.MOTH), "b) Mixed"),
    **dict.fromkeys((Ethnicity.AIND, Ethnicity.APKN, Ethnicity.ABAN, Ethnicity.AOTH), "c) Asian or Asian British"),
    **dict.fromkeys((Ethnicity.BCRB, Ethnicity.BAFR, Ethnicity.BOTH), "d) Black or black British"),
    **dict.fromkeys((Ethnicity.CHNE, Ethnicity.OOTH), "e) Other ethnic group"),
    **dict.fromkeys((Ethnicity.REFU, Ethnicity.NOBT), "f) Not stated"),
}

# Contact and referral source (census rule 8866's codes).
SOURCE: dict[str, str] = {
    **dict.fromkeys(
        (
            ReferralSource.FAMILY,
            ReferralSource.ACQUAINTANCE,
            ReferralSource.SELF,
            ReferralSource.OTHER_INDIVIDUAL,
        ),
        "a) Individual",
    ),
    ReferralSource.SCHOOLS: "b) Schools",
    ReferralSource.EDUCATION_SERVICES: "c) Education services",
    **dict.fromkeys(
        (
            ReferralSource.GP,
            ReferralSource.HEALTH_VISITOR,
            ReferralSource.SCHOOL_NURSE,
            ReferralSource.OTHER_PRIMARY_HEALTH,
            ReferralSource.ACCIDENT_AND_EMERGENCY,
            ReferralSource.OTHER_HEALTH,
        ),
        "d) Health services",
    ),
    ReferralSource.HOUSING: "e) Housing",
    **dict.fromkeys(
        (
            ReferralSource.LA_SOCIAL_CARE,
            ReferralSource.OTHER_INTERNAL,
            ReferralSource.EXTERNAL_LA,
            ReferralSource.EARLY_HELP,
        ),
        "f) LA services",
    ),
    ReferralSource.POLICE: "g) Police",
    ReferralSource.OTHER_LEGAL: "h) Other legal agency",
    ReferralSource.OTHER: "i) Other",
    ReferralSource.ANONYMOUS: "j) Anonymous",
    ReferralSource.UNKNOWN: "k) Unknown",
}

# The census primary need (List 6) and the 903 category of need (List 8) share the N codes.
NEED: dict[str, str] = {
    PrimaryNeed.ABUSE_OR_NEGLECT: "a) Abuse or neglect",
    PrimaryNeed.CHILDS_DISABILITY: "b) Child's disability",
    PrimaryNeed.PARENTAL_DISABILITY: "c) Parents illness or disability",
    PrimaryNeed.ACUTE_STRESS: "d) Family in acute stress",
    PrimaryNeed.FAMILY_DYSFUNCTION: "e) Family dysfunction",
    PrimaryNeed.SOCIALLY_UNACCEPTABLE_BEHAVIOUR: "f) Socially unacceptable behaviour",
    PrimaryNeed.LOW_INCOME: "g) Low income",
    PrimaryNeed.ABSENT_PARENTING: "h) Absent parenting",
    PrimaryNeed.NOT_IN_NEED: "i) Not CIN",
    PrimaryNeed.NOT_STATED: "j) Not stated",
}

CLOSURE_REASON: dict[str, str] = {
    ReasonForClosure.ADOPTED: "a) Adopted",
    ReasonForClosure.DIED: "b) Died",
    ReasonForClosure.CHILD_ARRANGEMENTS_ORDER: "c) Residence Order",
    ReasonForClosure.SPECIAL_GUARDIANSHIP_ORDER: "d) Special Guardianship Order",
    ReasonForClosure.TRANSFERRED_TO_LA: "e) Transfer to another LA",
    ReasonForClosure.TRANSFERRED_TO_ADULTS: "f) Transfer to Adult Social Services",
    ReasonForClosure.SERVICES_CEASED: "g) 'Other' incl. Child no longer in need",
    ReasonForClosure.NFA_AFTER_ASSESSMENT: "h) Child not in need after assessment",
    ReasonForClosure.EARLY_HELP_AFTER_ASSESSMENT: "h) Child not in need after assessment",
}

LOOKED_AFTER = "a) Looked after child"
ON_CHILD_PROTECTION_PLAN = "b) Child Protection plan"
ON_CHILD_IN_NEED_PLAN = "c) Child in need plan"
OPEN_ASSESSMENT = "d) Open assessment"
CLOSED_EPISODE = "e) Closed episode"

CATEGORY_OF_ABUSE: dict[str, str] = {
    CategoryOfAbuse.NEGLECT: "a) Neglect",
    CategoryOfAbuse.PHYSICAL: "b) Physical Abuse",
    CategoryOfAbuse.SEXUAL: "c) Sexual Abuse",
    CategoryOfAbuse.EMOTIONAL: "d) Emotional Abuse",
    CategoryOfAbuse.MULTIPLE: "e) Multiple",
}

# Short breaks (V3, V4) are left out of List 8 altogether (see care.py), so they have no category here.
LEGAL_STATUS: dict[str, str] = {
    LegalStatus.INTERIM_CARE_ORDER: "a) Interim care orders",
    LegalStatus.FULL_CARE_ORDER: "b) Full care orders",
    # The template's own spelling, with two spaces.
    LegalStatus.FREEING_ORDER: "c) Freed for  Adoption",
    LegalStatus.PLACEMENT_ORDER: "d) Placement order granted",
    LegalStatus.SECTION_20: "e) Accommodated under S20",
    LegalStatus.POLICE_PROTECTION: "f) Detained on child protection grounds in LA accommodation",
    LegalStatus.EMERGENCY_PROTECTION_ORDER: "f) Detained on child protection grounds in LA accommodation",
    LegalStatus.CHILD_ASSESSMENT_ORDER: "f) Detained on child protection grounds in LA accommodation",
    LegalStatus.REMANDED: "J1: Remanded to LA or youth detention",
    LegalStatus.PACE: "J2: LA accommodation under PACE",
    LegalStatus.YOUTH_REHABILITATION_ORDER: "g) Youth justice legal Statuses",
}

PERMANENCE_PLAN: dict[str, str | None] = {
    PermanencePlan.RETURN_HOME: "a) Return to family",
    PermanencePlan.ADOPTION: "b) Adoption",
    PermanencePlan.SPECIAL_GUARDIANSHIP: "c) SGO/CAO",
    PermanencePlan.CHILD_ARRANGEMENTS: "c) SGO/CAO",
    PermanencePlan.INDEPENDENCE: "d) Supported living in the community",
    PermanencePlan.RESIDENTIAL: "e) Long-term residential placement",
    PermanencePlan.LONG_TERM_FOSTERING: "f) Long-term fostering",
    # "Not yet decided" is not a plan of another kind: the column is left blank (it may be).
    PermanencePlan.TO_BE_DECIDED: None,
}

REASON_CEASED: dict[str, str] = {
    ReasonEpisodeCeased.ADOPTED_UNOPPOSED: "a) Adopted",
    ReasonEpisodeCeased.ADOPTED_CONSENT_DISPENSED: "a) Adopted",
    ReasonEpisodeCeased.DIED: "b) Died",
    ReasonEpisodeCeased.ANOTHER_AUTHORITY: "c) Care taken by another LA",
    ReasonEpisodeCeased.HOME_AS_PLANNED: "d) Returned home to live with parents or relatives",
    ReasonEpisodeCeased.HOME_NOT_PLANNED: "d) Returned home to live with parents or relatives",
    ReasonEpisodeCeased.LIVING_WITH_OTHERS: (
        "e) Left care to live with parents, relatives or other person with no parental responsibility"
    ),
    # Staying put: the young person stays with carers who have no parental responsibility for them.
    ReasonEpisodeCeased.STAYING_PUT: (
        "e) Left care to live with parents, relatives or other person with no parental responsibility"
    ),
    ReasonEpisodeCeased.CHILD_ARRANGEMENTS_ORDER: "f) Residence order granted",
    ReasonEpisodeCeased.SGO_FORMER_CARER_RELATIVE: "g) Special Guardianship Orders",
    ReasonEpisodeCeased.SGO_FORMER_CARER_OTHER: "g) Special Guardianship Orders",
    ReasonEpisodeCeased.SGO_RELATIVE: "g) Special Guardianship Orders",
    ReasonEpisodeCeased.SGO_OTHER: "g) Special Guardianship Orders",
    ReasonEpisodeCeased.INDEPENDENT_SUPPORTED: "h) Moved into independent living",
    ReasonEpisodeCeased.INDEPENDENT_UNSUPPORTED: "h) Moved into independent living",
    ReasonEpisodeCeased.ADULT_SOCIAL_CARE: "i) Transferred to residential care funded by adult social services",
    ReasonEpisodeCeased.CUSTODY: "j) Sentenced to custody",
    ReasonEpisodeCeased.REMAND_ENDED: "k) Accommodation on remand ended",
    ReasonEpisodeCeased.AGE_ASSESSED_ADULT: "l) Age assessment determined child was 18 or over",
    ReasonEpisodeCeased.MOVED_ABROAD: "m) Child moved abroad",
    ReasonEpisodeCeased.OTHER: "n) Care ceased for any other reason",
}

FOSTER_PLACEMENT = "a) Foster placement"
PLACEMENT_TYPE: dict[str, str] = {
    **dict.fromkeys(
        (
            PlacementType.ADOPTION_CONSENT_CURRENT_CARER,
            PlacementType.ADOPTION_CONSENT_NEW_CARER,
            PlacementType.ADOPTION_ORDER_CURRENT_CARER,
            PlacementType.ADOPTION_ORDER_NEW_CARER,
        ),
        "b) Placed for adoption",
    ),
    PlacementType.SECURE_CHILDRENS_HOME: "g) Secure Children’s Homes",
    PlacementType.CHILDRENS_HOME: "h) Children’s Homes",
    # Supported accommodation replaced semi-independent accommodation (H5) in 2024-25: both are
    # residential accommodation outside the children's homes regulations.
    PlacementType.SUPPORTED_ACCOMMODATION: "f) Residential accommodation",
    PlacementType.SEMI_INDEPENDENT: "f) Residential accommodation",
    PlacementType.WITH_PARENTS: "c) Placed with parents",
    PlacementType.INDEPENDENT_LIVING: "d) Independent living",
    PlacementType.RESIDENTIAL_EMPLOYMENT: "e) Residential employment",
    PlacementType.RESIDENTIAL_CARE_HOME: "i) Residential Care Home",
    PlacementType.NHS_TRUST: "j) NHS/Health Trust",
    PlacementType.FAMILY_CENTRE: "k) Family Centre or Mother and Baby Unit",
    PlacementType.YOUNG_OFFENDER_INSTITUTION: "l) Young Offender Institution",
    PlacementType.RESIDENTIAL_SCHOOL: "m) Residential school",
    **dict.fromkeys(
        (
            PlacementType.TEMPORARY_NOT_CODED,
            PlacementType.TEMPORARY_HOSPITAL,
            PlacementType.TEMPORARY_HOLIDAY,
            PlacementType.TEMPORARY_CARER_HOLIDAY,
            PlacementType.TEMPORARY_OTHER,
        ),
        "o) Temporary placement",
    ),
    **dict.fromkeys(
        (
            PlacementType.RELATIVE_LONG_TERM,
            PlacementType.RELATIVE_FOSTER_FOR_ADOPTION,
            PlacementType.RELATIVE_OTHER,
            PlacementType.FOSTER_LONG_TERM,
            PlacementType.FOSTER_FOR_ADOPTION,
            PlacementType.FOSTER_OTHER,
        ),
        FOSTER_PLACEMENT,
    ),
    **dict.fromkeys(
        (
            PlacementType.OTHER,
            PlacementType.OTHER_Z11,
            PlacementType.OTHER_Z12,
            PlacementType.OTHER_Z13,
            PlacementType.OTHER_Z14,
        ),
        "n) Other placements",
    ),
}

PROVIDER: dict[str, str] = {
    PlacementProvider.OWN_AUTHORITY: "a) Own LA",
    PlacementProvider.PRIVATE: "b) Private",
    PlacementProvider.PARENTS: "c) Other",
    PlacementProvider.OTHER_AUTHORITY: "c) Other",
    PlacementProvider.OTHER_PUBLIC: "c) Other",
    PlacementProvider.VOLUNTARY: "c) Other",
}

IN_AREA = "a) In"
OUT_OF_AREA = "b) Out"

ELIGIBILITY: dict[str, str] = {
    CareLeaverStatus.RELEVANT: "a) Relevant",
    CareLeaverStatus.FORMER_RELEVANT: "b) Former relevant",
    CareLeaverStatus.QUALIFYING: "c) Qualifying",
    CareLeaverStatus.ELIGIBLE: "d) Eligible",
}

NOT_RECORDED = "c) Not recorded"
IN_TOUCH: dict[str, str] = {
    InTouch.YES: "a) In touch",
    InTouch.NO: "b) Not in touch",
    InTouch.REFUSED: "b) Not in touch",
    InTouch.NOT_REQUIRED: "b) Not in touch",
    # Those the 903 no longer follows up: Annex A excludes them from the in-touch measure.
    InTouch.DIED: "d) Exclude",
    InTouch.RETURNED_HOME: "d) Exclude",
}

ACCOMMODATION: dict[str, str] = {
    Accommodation.WITH_PARENTS: "a) With parents or relatives",
    Accommodation.COMMUNITY_HOME: "b) Community home",
    Accommodation.SEMI_INDEPENDENT: "c) Semi-independent transitional accommodation",
    Accommodation.SUPPORTED_LODGINGS: "d) Supported lodgings",
    Accommodation.GONE_ABROAD: "e) Gone abroad",
    Accommodation.DEPORTED: "f) Deported",
    Accommodation.ORDINARY_LODGINGS: "g) Ordinary lodgings",
    Accommodation.NOT_KNOWN: "h) Residence not known",
    Accommodation.NO_FIXED_ABODE: "i) No fixed abode / homeless",
    Accommodation.FOYER: "j) Foyers",
    Accommodation.INDEPENDENT: "k) Independent living",
    Accommodation.EMERGENCY: "l) Emergency accommodation",
    Accommodation.BED_AND_BREAKFAST: "m) Bed and breakfast",
    Accommodation.CUSTODY: "n) In custody",
    Accommodation.FORMER_FOSTER_CARERS: "o) With Former Foster Carer",
    Accommodation.OTHER: "p) Other accommodation",
}

SUITABLE = "a) Suitable"
NOT_SUITABLE = "b) Not suitable"
SUITABILITY_NOT_RECORDED = "c) Not in touch or not recorded"

ACTIVITY: dict[str, str | None] = {
    Activity.HIGHER_EDUCATION_FULL_TIME: "F1: Full time in higher education",
    Activity.HIGHER_EDUCATION_PART_TIME: "P1: Part time in higher education",
    Activity.OTHER_EDUCATION_FULL_TIME: "F2: Full time in education other than higher",
    Activity.OTHER_EDUCATION_PART_TIME: "P2: Part time in education other than higher",
    Activity.APPRENTICESHIP_FULL_TIME: "F4: Young person engaged full time in an apprenticeship",
    Activity.APPRENTICESHIP_PART_TIME: "P4: Young person engaged part time in an apprenticeship",
    Activity.TRAINING_OR_EMPLOYMENT_FULL_TIME: (
        "F5: Young person engaged full time in training or employment (not apprenticeship)"
    ),
    Activity.TRAINING_OR_EMPLOYMENT_PART_TIME: (
        "P5: Young person engaged part time in training or employment (not apprenticeship)"
    ),
    Activity.NEET_ILLNESS: "G4: Not in education, employment or training - illness or disability",
    Activity.NEET_OTHER: "G5: Not in education, employment or training - other",
    Activity.NEET_PARENTING: "G6: Not in education, employment or training - pregnancy or parenting",
    # Not known: the column is left blank (it may be).
    Activity.NOT_KNOWN: None,
}

ADOPTION_DECISION_CEASED: dict[str, str] = {
    ReasonPlacedCeased.NEEDS_CHANGED: "a) Child’s needs changed",
    ReasonPlacedCeased.NO_PLACEMENT_ORDER: "b) Court did not make a PO",
    ReasonPlacedCeased.NO_ADOPTERS: "c) Prospective adopters cannot be found",
    ReasonPlacedCeased.OTHER: "d) Any other reason",
}
