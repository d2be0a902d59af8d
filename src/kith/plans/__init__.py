"""Measurable plan objectives, with named owners, target dates and progress, shared by every kind of plan."""
