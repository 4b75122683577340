"""The index: embeddings and their cache (embed), chromadb and the BM25 index (store)."""
