"""Who may do what, to which child's record, and the log of who looked.

* ``roles`` and ``capabilities``: the role → capability map, in code, reviewed like code.
* ``models``: restricted-record grants, break-glass access and the access log.
* ``record``: writing access-log rows.
Which *children* a user may see is decided in ``kith.people.access`` on top of these.
"""
