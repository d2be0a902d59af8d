"""Care leavers (eligibility, needs assessments, pathway plans, advisers); its records arrive with later work."""
