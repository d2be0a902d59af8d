"""The front door (contacts, referrals, decisions); its records arrive with later work."""
