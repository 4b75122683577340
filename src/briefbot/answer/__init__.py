"""Questions to cited answers: retrieve, re-rank, generate, cite."""
