"""The synthetic local authority: `kith generate` builds a council's children's services history.

Teams and staff are set up first; then children and their families come to the service's
attention and their lives are lived day by day through the real actions, with the clock set
to the moment of each event (``kith.platform.clock.recording_at``). Everything recorded is
what a practitioner could have recorded: anything an action refuses is a generator bug.
See docs/domain/synthetic_authority.md.
"""
