"""Care plans for children in care, permanence planning meetings and family time."""
