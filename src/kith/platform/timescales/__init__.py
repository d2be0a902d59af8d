"""Statutory timescales declared as data, the due-date engine, and the Deadline rows clocks leave.

See ``docs/domain/timescales.md`` (generated) and ADR 0004.
"""
