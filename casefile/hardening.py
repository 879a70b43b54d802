"""Process-wide protections set once at startup, for the window and the CLI alike:
no core dumps (they would hold decrypted case data and keys), a private umask, and a guard
that makes any attempt to reach the network fail loudly (Casefile never needs it)."""

from __future__ import annotations

import logging
import os
import resource
import sys
from typing import Any

log = logging.getLogger("casefile.netguard")


class NetworkBlocked(RuntimeError):
    """Raised when code tries to open an internet connection or resolve a name."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if event == "socket.getaddrinfo" or (
        event in ("socket.connect", "socket.sendto", "socket.bind")
        and len(args) > 1
        and isinstance(args[1], tuple)
    ):
        # Says that it happened and where, never to whom (the address could itself be telling).
        log.error("blocked an attempt to use the network (%s); Casefile works offline", event)
        raise NetworkBlocked("Casefile never uses the network; this attempt was blocked")


_installed = {"guard": False}


def install() -> None:
    """Idempotent: safe to call from every entry point."""
    os.umask(0o077)
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):  # pragma: no cover - some sandboxes refuse; nothing to leak then
        log.warning("could not disable core dumps")
    if not _installed["guard"]:
        sys.addaudithook(_audit)  # audit hooks cannot be removed: the guard stays for the process
        _installed["guard"] = True
