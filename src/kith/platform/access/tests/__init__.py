"""Tests of roles, scope (the permission matrix) and break-glass."""
