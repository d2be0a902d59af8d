"""Conventions as tests: row history, actions write events, one reader of the environment, one clock."""
