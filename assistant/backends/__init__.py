"""Models: llama.cpp in-process (the only llama_cpp import), an OpenAI-compatible server, GGUF metadata, model files, discovery and the repair adapter."""
