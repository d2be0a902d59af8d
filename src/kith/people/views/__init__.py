"""Pages for people's records. Each view: access → form → one action → redirect."""
