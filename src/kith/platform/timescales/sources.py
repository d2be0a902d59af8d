"""The documents England's children's social care timescales come from, named once for every area.

``in_force_from`` is the date each came into force, used as the declarations'
``effective_from`` unless a row says otherwise. Local standards with no dated source
of their own are dated from Working Together 2023, the guidance the local
procedures cited were last updated to.
"""

from __future__ import annotations

from datetime import date

from kith.platform.timescales.types import Document

WORKING_TOGETHER_2023 = Document(
    "Working Together to Safeguard Children 2023",
    in_force_from=date(2023, 12, 15),
    url="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2",
)

CARE_PLANNING_REGULATIONS_2010 = Document(
    "Care Planning, Placement and Case Review (England) Regulations 2010 (SI 2010/959)",
    in_force_from=date(2011, 4, 1),
    url="https://www.legislation.gov.uk/uksi/2010/959",
)

CARE_LEAVERS_REGULATIONS_2010 = Document(
    "Care Leavers (England) Regulations 2010 (SI 2010/2571)",
    in_force_from=date(2011, 4, 1),
    url="https://www.legislation.gov.uk/uksi/2010/2571",
)

ADOPTION_AGENCIES_REGULATIONS_2005 = Document(
    "Adoption Agencies Regulations 2005 (SI 2005/389)",
    in_force_from=date(2005, 12, 30),
    url="https://www.legislation.gov.uk/uksi/2005/389/regulation/36/made",
)

HEALTH_OF_LOOKED_AFTER_CHILDREN_2015 = Document(
    "Promoting the health and well-being of looked-after children (statutory guidance, DfE/DHSC, March 2015)",
    in_force_from=date(2015, 3, 1),
)

EDUCATION_OF_LOOKED_AFTER_CHILDREN_2018 = Document(
    "Promoting the education of looked-after and previously looked-after children (statutory guidance, Feb 2018)",
    in_force_from=date(2018, 2, 1),
)

MISSING_CHILDREN_GUIDANCE_2014 = Document(
    "Statutory guidance on children who run away or go missing from home or care (DfE, January 2014)",
    in_force_from=date(2014, 1, 1),
    url="https://www.gov.uk/government/publications/children-who-run-away-or-go-missing-from-home-or-care",
)

LONDON_CHILD_PROTECTION_PROCEDURES = Document(
    "London Child Protection Procedures",
    in_force_from=WORKING_TOGETHER_2023.in_force_from,
    url="http://londonsafeguardingchildrenprocedures.co.uk/",
)

LOCAL_PROCEDURES = Document(
    "Local procedures",
    in_force_from=WORKING_TOGETHER_2023.in_force_from,
)

LOCAL_PRACTICE_STANDARDS = Document(
    "Local practice standards (Liverpool)",
    in_force_from=WORKING_TOGETHER_2023.in_force_from,
    url="https://liverpoolcs.trixonline.co.uk/chapter/visits-to-children-supported-through-a-child-protection-plan",
)

CP_IS_LOCAL_GUIDANCE = Document(
    "LA guidance (Luton) on Child Protection – Information Sharing (CP-IS)",
    in_force_from=WORKING_TOGETHER_2023.in_force_from,
    url="https://docsbay.net/child-protection-information-sharingsystem",
)
