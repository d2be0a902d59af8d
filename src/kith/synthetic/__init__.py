"""Synthetic data: the small demo authority (and, later, whole synthetic councils).

Everything here is invented. Names, addresses and NHS numbers (from the 999
range the NHS reserves for testing) belong to no one. Data is recorded through
the real actions, so it carries chronology, history and access exactly as a
user's would.
"""
