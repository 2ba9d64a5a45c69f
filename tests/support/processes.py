"""Running Warta's code in a fresh Python process, with its own environment:
for settings read at start-up and for commands run as an operator would."""

import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]


def run_python(*args, env):
    """``python *args`` in the project folder with ``env``; the finished process."""
    return subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
