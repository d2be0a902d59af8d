"""Contacts, referrals (the child in need episode), early help, police protection and out-of-hours handovers."""
