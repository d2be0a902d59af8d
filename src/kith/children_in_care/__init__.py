"""Children in care: periods of care, episodes and placements."""
