"""The eleven lists' sheet names and column headers, exactly as Ofsted's Annex A template (and LIIA's
``Annex_A_schema.yml``, which matches it) names them, in order.

Kept here in Kith's own code rather than read from the schema at export time: the schema is a
reference file beside the repository, and the export must not depend on it. The tests compare the
two whenever the schema is present.
"""

from __future__ import annotations

# The columns every list about a child starts with.
CHILD = ("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)")
DISABILITY = "Does the Child have a Disability"
ALLOCATED = ("Allocated Team", "Allocated Worker")

LIST_1 = (*CHILD, "Date of Contact", "Contact Source")
LIST_2 = (
    *CHILD,
    "Assessment start date",
    "Assessment completion date",
    "Organisation completing assessment",
)
LIST_3 = (
    *CHILD,
    "Date of referral",
    "Referral Source",
    "Referral NFA?",
    "Number of Referrals in Last 12 Months",
    *ALLOCATED,
)
LIST_4 = (
    *CHILD,
    DISABILITY,
    "Continuous Assessment Start Date",
    "Child Seen During Continuous Assessment",
    "Continuous Assessment Date of Authorisation",
    "Was the child assessed as requiring LA children's social care support?",
    *ALLOCATED,
)
LIST_5 = (
    *CHILD,
    DISABILITY,
    "Strategy discussion initiating Section 47 Enquiry Start Date",
    "Was an Initial Child Protection Conference deemed unnecessary?",
    "Date of Initial Child Protection Conference",
    "Did the Initial Child Protection Conference Result in a Child Protection Plan",
    "Number of Section 47 Enquiries in the last 12 months",
    "Number of ICPCs in the last 12 months",
    *ALLOCATED,
)
LIST_6 = (
    *CHILD,
    DISABILITY,
    "CIN Start Date",
    "Primary Need Code",
    "Date Child Was Last Seen",
    "CIN Closure Date",
    "Reason for Closure",
    "Case Status",
    *ALLOCATED,
)
LIST_7 = (
    *CHILD,
    DISABILITY,
    "Child Protection Plan Start Date",
    "Initial Category of Abuse",
    "Latest Category of Abuse",
    "Date of the Last Statutory Visit",
    "Was the Child Seen Alone?",
    "Date of latest review conference",
    "Child Protection Plan End Date",
    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
    "Number of Previous Child Protection Plans",
    *ALLOCATED,
)
LIST_8 = (
    *CHILD,
    "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
    DISABILITY,
    "Date Started to be Looked After",
    "Child's Category of Need",
    "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
    "Start date of current legal status",
    "Child's Legal Status",
    "Date of Latest Statutory Review",
    "Date of Last Social Work Visit",
    "What is the permanence plan for this child?",
    "Date of Last IRO Visit / Contact to the Child",
    "Date of Last Health Assessment",
    "Date of Last Dental Check",
    "Number of Placements in the Last 12 months",
    "Date Ceased to be Looked After",
    "Reason Ceased to be Looked After",
    "Start Date of Most Recent Placement",
    "Placement Type",
    "Placement Provider",
    "Placement postcode",
    "URN of Placement",
    "Placement Location",
    "LA of Placement",
    "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
    "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
    "Was the child offered a Return Interview after their last missing episode (Y/N)?",
    "Did the child accept a Return Interview after their last missing episode (Y/N)?",
    *ALLOCATED,
)
LIST_9 = (
    *CHILD,
    "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
    DISABILITY,
    *ALLOCATED,
    "Allocated Personal Advisor",
    "Eligibility Category",
    "Latest Pathway Plan Review Date",
    "LA in Touch",
    "Latest Date of Contact",
    "Type of Accommodation",
    "Suitability of Accommodation",
    "Activity Status",
)
LIST_10 = (
    "Child Unique ID",
    "Family identifier",
    "Gender",
    "Ethnicity",
    "Date of Birth",
    "Age of Child (Years)",
    DISABILITY,
    "Date the Child Entered Care",
    "Date of Decision that Child Should be Placed for Adoption",
    "Date of Placement Order",
    "Date of Matching Child and Prospective Adopters",
    "Date Placed for Adoption",
    "Date of Adoption Order",
    "Date of Decision that Child Should No Longer be Placed for Adoption",
    "Reason Why Child No Longer Placed for Adoption",
    "Date the child was placed for fostering in FFA or concurrent planning placement",
)
LIST_11 = (
    "Individual adopter identifier",
    "Family identifier",
    "Gender",
    "Ethnicity",
    "Disability",
    "Is the (prospective) adopter fostering for adoption?",
    "Date enquiry received",
    "Date Stage 1 started",
    "Date Stage 1 ended",
    "Date Stage 2 started",
    "Date Stage 2 ended",
    "Date application submitted",
    "Date application approved",
    "Date adopter matched with child(ren)",
    "Date child/children placed with adopter(s)",
    "No. of children placed",
    "Date of Adoption Order",
    "Date of leaving adoption process",
    "Reason for leaving adoption process",
)

# Sheet name -> its column headers, in the workbook's order.
LISTS: dict[str, tuple[str, ...]] = {
    "List 1": LIST_1,
    "List 2": LIST_2,
    "List 3": LIST_3,
    "List 4": LIST_4,
    "List 5": LIST_5,
    "List 6": LIST_6,
    "List 7": LIST_7,
    "List 8": LIST_8,
    "List 9": LIST_9,
    "List 10": LIST_10,
    "List 11": LIST_11,
}
