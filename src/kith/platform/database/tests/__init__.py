"""Tests of the embedded PostgreSQL server."""
