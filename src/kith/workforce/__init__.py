"""The workforce: staff, the teams they belong to, and which child each one holds.

Allocation is a manager's decision with a reason, kept with its full history
(who held the case, from when to when, who decided). See docs/domain/workforce.md.
"""
