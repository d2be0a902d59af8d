"""Local code sets for people: religion, immigration status, relationships, professionals."""

from __future__ import annotations

from django.db import models


class PersonKind(models.TextChoices):
    CHILD = "child", "Child or young person"
    ADULT = "adult", "Adult"


class Religion(models.TextChoices):
    """The census question's categories, so equality monitoring lines up with ONS figures."""

    NO_RELIGION = "none", "No religion"
    BUDDHIST = "buddhist", "Buddhist"
    CHRISTIAN = "christian", "Christian"
    HINDU = "hindu", "Hindu"
    JEWISH = "jewish", "Jewish"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    OTHER = "other", "Any other religion"
    NOT_STATED = "not_stated", "Prefers not to say"
    NOT_YET_KNOWN = "not_known", "Not yet known"


class ImmigrationStatus(models.TextChoices):
    BRITISH_CITIZEN = "british_citizen", "British citizen"
    SETTLED = "settled", "Settled status or indefinite leave to remain"
    PRE_SETTLED = "pre_settled", "Pre-settled status or limited leave to remain"
    ASYLUM_SEEKER = "asylum_seeker", "Asylum seeker (claim pending)"
    REFUGEE = "refugee", "Refugee status"
    NO_RECOURSE = "no_recourse", "No recourse to public funds"
    UNKNOWN = "unknown", "Not known"


class GenderIdentity(models.TextChoices):
    SAME_AS_SEX = "same_as_sex", "Same as sex registered at birth"
    BOY_OR_MAN = "boy_or_man", "Boy or man"
    GIRL_OR_WOMAN = "girl_or_woman", "Girl or woman"
    NON_BINARY = "non_binary", "Non-binary"
    OTHER = "other", "In another way"
    NOT_STATED = "not_stated", "Prefers not to say"
    NOT_KNOWN = "not_known", "Not known"


class NameKind(models.TextChoices):
    FORMER = "former", "Former name"
    ALIAS = "alias", "Also known as"
    BIRTH = "birth", "Name at birth"


class RelationshipKind(models.TextChoices):
    """How ``person`` relates to ``relative``, read as "person is the <kind> of relative"."""

    PARENT = "parent", "Parent"
    STEP_PARENT = "step_parent", "Step-parent"
    SIBLING = "sibling", "Sibling"
    HALF_SIBLING = "half_sibling", "Half-sibling"
    STEP_SIBLING = "step_sibling", "Step-sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    AUNT_OR_UNCLE = "aunt_or_uncle", "Aunt or uncle"
    CARER = "carer", "Carer"
    PARTNER = "partner", "Partner"
    HOUSEHOLD_MEMBER = "household_member", "Household member"
    FAMILY_FRIEND = "family_friend", "Family friend"
    OTHER = "other", "Other"


# How a relationship reads from the other side.
INVERSE_TITLE: dict[str, str] = {
    RelationshipKind.PARENT: "Child",
    RelationshipKind.STEP_PARENT: "Step-child",
    RelationshipKind.SIBLING: "Sibling",
    RelationshipKind.HALF_SIBLING: "Half-sibling",
    RelationshipKind.STEP_SIBLING: "Step-sibling",
    RelationshipKind.GRANDPARENT: "Grandchild",
    RelationshipKind.AUNT_OR_UNCLE: "Niece or nephew",
    RelationshipKind.CARER: "Cared for",
    RelationshipKind.PARTNER: "Partner",
    RelationshipKind.HOUSEHOLD_MEMBER: "Household member",
    RelationshipKind.FAMILY_FRIEND: "Family friend",
    RelationshipKind.OTHER: "Other",
}


class ProfessionalRole(models.TextChoices):
    GP = "gp", "GP"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    SCHOOL_NURSE = "school_nurse", "School nurse"
    MIDWIFE = "midwife", "Midwife"
    SCHOOL = "school", "School (designated safeguarding lead)"
    TEACHER = "teacher", "Teacher"
    PAEDIATRICIAN = "paediatrician", "Paediatrician"
    CAMHS = "camhs", "Mental health (CAMHS)"
    POLICE = "police", "Police"
    YOUTH_JUSTICE = "youth_justice", "Youth justice worker"
    HOUSING = "housing", "Housing officer"
    ADULT_SERVICES = "adult_services", "Adult social care"
    PROBATION = "probation", "Probation"
    SUBSTANCE_MISUSE = "substance_misuse", "Substance misuse worker"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse adviser"
    OTHER = "other", "Other professional"


class WarningKind(models.TextChoices):
    RISK_TO_STAFF = "risk_to_staff", "Risk to staff"
    LONE_WORKING = "lone_working", "Do not visit alone"
    ANIMAL = "animal", "Animal at the property"
    OTHER = "other", "Other warning"
