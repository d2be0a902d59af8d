"""Child protection conferences, child protection plans and core groups."""
