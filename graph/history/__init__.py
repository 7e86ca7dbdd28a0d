"""The change history (commit, undo, diff), backups, and the shipped data in a store (fill, fingerprint, reset)."""
