"""Tests of the people area: identifiers, rules, queries and actions."""
