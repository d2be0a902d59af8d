"""Children in care (placements, plans, reviews, visits, health, education); its records arrive with later work."""
