"""Microsoft's own validators for Adaptive Cards and the Teams app manifest, from Python.

:class:`OfficialValidators` keeps one Node process (``tests/support/node/validate.js``) for the
whole test session and sends it one document per line, so checking a hundred cards costs one
Node start-up. scripts/setup installs the Node side (``npm ci --prefix tests/support/node``) when
npm is there. Without Node or that install, :func:`official_validators` skips loudly, except
under CI, where it fails: a green CI run always means the official validators ran.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

NODE_PROJECT = Path(__file__).with_name("node")
INSTALL = "npm ci --prefix tests/support/node"


class ValidatorError(RuntimeError):
    """The Node validator could not be run or answered nonsense."""


class OfficialValidators:
    def __init__(self, node: str) -> None:
        self._process = subprocess.Popen(
            [node, str(NODE_PROJECT / "validate.js")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def card(self, card: dict[str, Any]) -> list[str]:
        """Problems the Adaptive Cards library finds in a card (its ``content``); [] if none."""
        return self._errors({"kind": "card", "document": card})

    def manifest(self, manifest: dict[str, Any]) -> list[str]:
        """Problems with a Teams app manifest against the schema of its manifestVersion."""
        return self._errors({"kind": "manifest", "document": manifest})

    def localization(self, document: dict[str, Any], version: str) -> list[str]:
        return self._errors({"kind": "localization", "document": document, "version": version})

    def manifest_versions(self) -> list[str]:
        """The manifest versions whose schema the installed package bundles, oldest first."""
        versions: list[str] = self._ask({"kind": "versions"})["versions"]
        return versions

    def close(self) -> None:
        if self._process.stdin:
            self._process.stdin.close()
        self._process.wait(timeout=10)

    def _errors(self, request: dict[str, Any]) -> list[str]:
        errors: list[str] = self._ask(request)["errors"]
        return errors

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            request_id = next(self._ids)
            assert self._process.stdin is not None
            assert self._process.stdout is not None
            self._process.stdin.write(json.dumps({"id": request_id, **request}) + "\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
        if not line:
            raise ValidatorError(f"the Node validator exited (status {self._process.poll()})")
        answer: dict[str, Any] = json.loads(line)
        if answer.get("id") != request_id:
            raise ValidatorError(f"the Node validator answered {answer!r} to request {request_id}")
        return answer


def official_validators() -> OfficialValidators:
    """The validators, or a loud skip (a failure under CI) saying what to install."""
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "Node.js is not installed (apt-get install -y nodejs npm)"
    elif not (NODE_PROJECT / "node_modules" / "adaptivecards").is_dir():
        problem = f"the Node validators are not installed: run {INSTALL}"
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"official Teams validators are required in CI: {problem}")
        pytest.skip(f"NOT CHECKED against Microsoft's validators: {problem}")
    assert node is not None
    return OfficialValidators(node)
