"""The chronology: what happened in a child's life and in the work with them.

It is written by actions, never typed: every action records one ``CaseEvent`` in
the same transaction as the change it describes. A child's chronology is a query
over these rows, filterable to key events (the concise chronology inspectors ask for).
"""
