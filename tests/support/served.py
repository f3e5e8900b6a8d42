"""``seuranta`` run as production runs it: its own process, a real port, settings from the
environment. For the tests of ``seuranta serve`` and the commands run beside it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What a test must not inherit from whoever runs it: every setting of ours and of the SDKs.
_OURS = ("SLACK_", "SEURANTA_", "TEAMS_", "DATABASE_URL", "PORT", "WEB_CONCURRENCY")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def clean_environment(**settings: str) -> dict[str, str]:
    """This process's environment without any setting of ours, plus ``settings``."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith(_OURS)}
    return keep | settings


def start_serve(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "seuranta.cli", "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=5) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class Served:
    url: str
    output: list[str] = field(default_factory=list)  # its log lines, once it has stopped


@contextmanager
def serving(env: dict[str, str]) -> Iterator[Served]:
    """``seuranta serve`` until the block ends, once ``/healthz`` says ok. Its output is kept
    in :attr:`Served.output` and printed (pytest shows it when the test fails)."""
    process = start_serve(env)
    served = Served(f"http://127.0.0.1:{env['PORT']}")
    try:
        deadline = time.monotonic() + 60
        while not _healthy(served.url):
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"seuranta serve did not start:\n{process.communicate()[0]}")
            time.sleep(0.2)
        yield served
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]
        served.output += output.splitlines()
        sys.stdout.write(output)


def run(arguments: list[str], env: dict[str, str]) -> tuple[int, list[str]]:
    """One ``seuranta`` command: its exit status and output lines (stdout, then stderr)."""
    process = subprocess.run(
        [sys.executable, "-m", "seuranta.cli", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return process.returncode, (process.stdout + process.stderr).strip().splitlines()
