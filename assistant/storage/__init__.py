"""What is kept on disk: the journal of sessions and versions."""
