"""Child and family assessments, strategy discussions and section 47 enquiries."""
