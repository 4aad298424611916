"""Partner webhook endpoints and signed deliveries; imports nothing of matching."""
