"""Fostering households: approval, connected-person temporary approval and reviews."""
