"""Care leavers: eligibility, needs assessments, pathway plans, personal advisers and support to 25."""
