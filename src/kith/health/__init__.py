"""The health of children in care: health assessments, checks, SDQ and the health history for care leavers."""
