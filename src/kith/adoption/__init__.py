"""Adoption decisions, matching, placement for adoption, adopters, special guardianship and previous permanence."""
