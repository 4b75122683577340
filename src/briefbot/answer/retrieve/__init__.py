"""Retrieve: hybrid dense and BM25 search, re-ranking, near-duplicates collapsed, a second hop."""
