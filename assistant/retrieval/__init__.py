"""Grounding: the knowledge base, its chroma index, the situation detector and the retriever that blends them."""
