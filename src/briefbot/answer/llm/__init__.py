"""LLM: answers and briefs written by a model, from prompts fenced and fitted to its context."""
