"""Whether a window can be shown here, checked before Qt is started (Qt aborts
without a display). The GUI's start and the choice of Qt's offscreen platform for
the commands both ask it."""

from __future__ import annotations

import os
import re
import sys


def _x_server_answers(display: str) -> bool:
    """Whether a local X display (":0", ":1.0") has a server; remote ones are assumed to."""
    match = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display)
    if match is None:
        return True
    import socket  # here, not at start-up: only an X display without a platform chosen needs it

    number = match.group(1)
    path = f"/tmp/.X11-unix/X{number}"
    for address in (path, "\0" + path):  # the socket file, or Linux's abstract one
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.settimeout(1.0)
                probe.connect(address)
                return True
        except OSError:
            continue
    return False


def display_missing() -> bool:
    """True when a window cannot be shown here (checked before Qt is started)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "").strip()
    display = os.environ.get("DISPLAY", "")
    wayland = os.environ.get("WAYLAND_DISPLAY", "")
    if platform.startswith("xcb"):
        return not display or not _x_server_answers(display)
    if platform.startswith("wayland"):
        return not wayland
    if platform:
        return False  # offscreen, vnc, eglfs, ...: the user chose it
    if wayland:
        return False
    return not display or not _x_server_answers(display)
