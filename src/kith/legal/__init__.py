"""Public Law Outline pre-proceedings and care proceedings, tracked so no child waits longer than needed."""
