"""Text helpers every stage shares: sentence splitting and tiktoken's token counts."""
