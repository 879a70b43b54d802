"""The headless front end (DESIGN.md section 7): every feature, no window. Calls services only."""

from casefile.cli.main import Frontends, main

__all__ = ["Frontends", "main"]
