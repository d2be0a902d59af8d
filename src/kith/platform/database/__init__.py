"""The database Kith runs on: a real PostgreSQL server, or an embedded one under ./var/pg."""
