"""Entry point for ``python -m rdvlog``."""

from rdvlog.cli import main

main()
