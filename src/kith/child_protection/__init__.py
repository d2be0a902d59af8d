"""Child protection (conferences, plans, core groups, visits); its records arrive with later work."""
