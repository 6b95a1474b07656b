"""Finding, and where possible installing, the headless Chromium the browser tests drive.

One place for both: `make test` runs `python tests/browser.py ensure` before pytest, and the
tests call `chromium_or_skip()`. Under CI a missing browser fails the test instead of
skipping it, so a green run always includes the page checks.

    python tests/browser.py ensure   # install Debian's chromium with apt when missing and root
    python tests/browser.py where    # print the path the tests will use, or nothing
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Flags for a machine with no display, no GPU and no route out: the background services
# would otherwise try to reach Google's hosts at every start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
NAMES = ("chromium", "chromium-browser")


def find_chromium() -> Path | None:
    """REPAIR_CHROMIUM if set, else the first Chromium on PATH, else Debian's usual place."""
    chosen = os.environ.get("REPAIR_CHROMIUM")
    if chosen:
        return Path(chosen) if Path(chosen).exists() else None
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    debian = Path("/usr/bin/chromium")
    return debian if debian.exists() else None


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def chromium_or_skip() -> Path:
    """The browser to drive; skip without one, except under CI, where that is a failure."""
    import pytest

    found = find_chromium()
    if found is not None:
        return found
    reason = "no Chromium found (make test installs Debian's chromium when run as root with apt)"
    if under_ci():
        pytest.fail(f"{reason}; under CI the browser tests may not be skipped")
    pytest.skip(reason)


def ensure() -> int:
    """Install Chromium with apt when it is missing and this is a root shell on Debian."""
    if find_chromium() is not None:
        return 0
    apt = shutil.which("apt-get")
    if apt is None or os.geteuid() != 0:
        sys.stderr.write(
            "Chromium is not installed, so the browser tests will be skipped "
            "(as root on Debian or Ubuntu, make test installs it: apt-get install chromium).\n"
        )
        return 1 if under_ci() else 0
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run([apt, "update"], check=True, env=env)
    subprocess.run([apt, "install", "-y", "chromium"], check=True, env=env)
    return 0 if find_chromium() is not None else 1


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "where"
    if command == "ensure":
        sys.exit(ensure())
    found = find_chromium()
    if found is not None:
        sys.stdout.write(f"{found}\n")
    sys.exit(0 if found is not None else 1)
