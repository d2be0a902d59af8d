"""Unaccompanied asylum-seeking children: arrival, age assessment and immigration status."""
