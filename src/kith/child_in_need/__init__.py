"""Child in need (plans, reviews, visits); its records arrive with later work."""
