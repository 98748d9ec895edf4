"""Command-line helpers for people working on the backend (not imported by any service).

- `python -m tools.demo seed | token --customer C1002`: demo customers and their signed tokens.
- `python -m tools.chat`: type to the assistant through the REST channel.

Run them with the 3.11 environment (`.venv/bin/python`).
"""
