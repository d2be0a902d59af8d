"""Chronology event types for the adoption of children in care."""

from kith.platform.chronology.registry import Significance, register

SHOULD_BE_PLACED = register(
    "adoption.should_be_placed_for_adoption",
    "Decision that the child should be placed for adoption",
    significance=Significance.KEY,
    description="The agency decision maker decided that the child should be placed for adoption, with why; "
    "the panel's recommendation and the early notification to the Regional Adoption Agency when there were any.",
)

AUTHORITY_TO_PLACE_GIVEN = register(
    "adoption.authority_to_place_given",
    "Authority to place for adoption",
    significance=Significance.KEY,
    description="The agency gained authority to place the child for adoption: a placement order, or the "
    "parents' consent under section 19.",
)

MATCHED = register(
    "adoption.matched",
    "Matched with prospective adopters",
    significance=Significance.KEY,
    description="The child was matched with prospective adopters, after the matching panel, with the "
    "transition plan for the move.",
)

PLACED_FOR_ADOPTION = register(
    "adoption.placed_for_adoption",
    "Placed for adoption",
    significance=Significance.KEY,
    description="The child went to live with the prospective adopters under the authority to place.",
)

ADOPTION_REVIEW_HELD = register(
    "adoption.adoption_review_held",
    "Adoption review",
    significance=Significance.KEY,
    description="The child's adoption plan was reviewed (Adoption Agencies Regulations 2005, reg 36).",
)

DECISION_CEASED = register(
    "adoption.decision_ceased",
    "Decision that the child should no longer be placed for adoption",
    significance=Significance.KEY,
    description="The plan for adoption ended, with the reason in the return's codes (RD1 to RD4).",
)

ADOPTION_ORDER_MADE = register(
    "adoption.adoption_order_made",
    "Adoption order made",
    significance=Significance.KEY,
    description="The court made the adoption order: the child was adopted and stopped being looked after.",
)
