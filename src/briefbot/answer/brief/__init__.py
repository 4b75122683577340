"""Brief: one-paragraph briefs of a file, a topic or the whole corpus, from their central sentences."""
