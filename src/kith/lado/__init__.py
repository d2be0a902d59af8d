"""Allegations against people who work with children, managed by the local authority designated officer."""
