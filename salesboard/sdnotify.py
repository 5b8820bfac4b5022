"""systemd's notify protocol (READY=1, WATCHDOG=1, STATUS=...) without a package.

It is one datagram to the socket named in $NOTIFY_SOCKET; outside systemd the variable is unset and
every call does nothing.
"""

from __future__ import annotations

import os
import socket


def notify(message: str, env: dict[str, str] | None = None) -> bool:
    """Send `message` to systemd. Returns False (and does nothing) when not run by systemd."""
    address = (os.environ if env is None else env).get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):  # abstract namespace socket
        address = "\0" + address[1:]
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
            sock.connect(address)
            sock.sendall(message.encode("utf-8"))
        return True
    except OSError:
        return False


def watchdog_interval(env: dict[str, str] | None = None) -> float | None:
    """Half of WatchdogSec (systemd's advice), in seconds; None when no watchdog is set."""
    usec = (os.environ if env is None else env).get("WATCHDOG_USEC", "")
    return int(usec) / 2_000_000 if usec.isdigit() and int(usec) > 0 else None
