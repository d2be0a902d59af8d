"""People: children, the adults around them, where they live, and who they are.

A person is entered once and referenced everywhere (ARCHITECTURE idea 1). Adding
one looks for likely duplicates first and never merges on its own.
See docs/domain/people.md.
"""
