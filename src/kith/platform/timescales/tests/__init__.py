"""Tests of the declared timescales, the due-date engine, deadlines and local standards."""
