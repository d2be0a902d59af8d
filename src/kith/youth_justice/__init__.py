"""Youth justice involvement, convictions, cautions and custody of children in care."""
