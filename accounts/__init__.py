"""Organizations, users, client tokens, partner API keys, and the ``Actor`` type."""
