"""repair-assistant: a private, offline helper for drafting a repair after a rupture at work."""

__version__ = "0.1.0"
