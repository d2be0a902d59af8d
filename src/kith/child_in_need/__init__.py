"""Child in need plans and their reviews."""
