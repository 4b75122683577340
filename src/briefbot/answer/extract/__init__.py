"""Extract: the offline answerer choosing which retrieved sentences to quote, and whether to decline."""
