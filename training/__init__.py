"""The repair corpus and the script that trains the shipped adapter (not part of the wheel)."""
