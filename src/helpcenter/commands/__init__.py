"""Subcommands of ``python -m helpcenter``, one module each."""
