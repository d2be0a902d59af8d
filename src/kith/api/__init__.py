"""The REST API: thin views over the same access functions and queries as the pages."""
