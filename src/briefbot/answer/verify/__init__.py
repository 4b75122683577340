"""Verify: each sentence checked against the passages it cites, then markers resolved to citations."""
