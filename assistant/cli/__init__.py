"""The command line: the parser and one module per command that needs more than a few lines."""
