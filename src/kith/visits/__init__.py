"""Statutory visits to a child: seen, seen alone, what was observed and what it means."""
