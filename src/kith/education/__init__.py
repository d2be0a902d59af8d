"""The virtual school: schools, attendance, exclusions, SEN and personal education plans."""
