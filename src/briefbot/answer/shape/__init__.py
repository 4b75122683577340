"""Shape: what a quote may hold and the short answer drawn from it (names, numbers, yes/no, rows, lists)."""
