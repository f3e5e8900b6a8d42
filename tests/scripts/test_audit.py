"""``scripts/audit``: vulnerabilities fail the check; an audit that could not run says so loudly
and never fails it. PyPI and pip-audit are stood in for by a local server and a fake program."""

from __future__ import annotations

import json
import runpy
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit"


@pytest.fixture
def pypi() -> Iterator[Callable[[int, bytes], str]]:
    """A local stand-in for PyPI's JSON API: give it a status and body, get the probe URL."""
    answer: dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(answer["status"])
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(answer["body"])

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def serve(status: int, body: bytes) -> str:
        answer.update(status=status, body=body)
        return f"http://127.0.0.1:{server.server_port}/pypi/pip/24.0/json"

    yield serve
    server.shutdown()
    server.server_close()


def run_audit(probe: str, pip_audit: Path) -> int:
    """Run the script's main() with PyPI and pip-audit pointed at the stand-ins."""
    script = runpy.run_path(str(SCRIPT), run_name="audit")
    main = script["main"]
    main.__globals__.update(PROBE=probe, PIP_AUDIT=pip_audit)
    result: int = main()
    return result


def fake_pip_audit(tmp_path: Path, dependencies: list[dict[str, Any]]) -> Path:
    program = tmp_path / "pip-audit"
    report = json.dumps({"dependencies": dependencies, "fixes": []})
    exit_status = 1 if any(d.get("vulns") for d in dependencies) else 0
    program.write_text(f"#!/bin/sh\necho '{report}'\nexit {exit_status}\n", encoding="utf-8")
    program.chmod(0o755)
    return program


def never_run(tmp_path: Path) -> Path:
    """A pip-audit that must not be started: were it run, its silence would fail the test."""
    program = tmp_path / "pip-audit"
    program.write_text("#!/bin/sh\nexit 99\n", encoding="utf-8")
    program.chmod(0o755)
    return program


REAL_PYPI = json.dumps({"info": {"name": "pip"}, "vulnerabilities": []}).encode()


def test_known_vulnerabilities_fail_the_check_and_are_named(
    pypi: Callable[[int, bytes], str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    program = fake_pip_audit(
        tmp_path,
        [
            {
                "name": "jinja2",
                "version": "3.1.2",
                "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"]}],
            },
            {"name": "pyyaml", "version": "6.0.2", "vulns": []},
        ],
    )
    assert run_audit(pypi(200, REAL_PYPI), program) == 1
    assert capsys.readouterr().out.splitlines() == [
        "scripts/audit: jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)",
        "scripts/audit: 1 of 2 packages have known vulnerabilities",
    ]


def test_a_clean_audit_passes_and_says_how_many_packages_it_checked(
    pypi: Callable[[int, bytes], str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    program = fake_pip_audit(tmp_path, [{"name": "pyyaml", "version": "6.0.2", "vulns": []}])
    assert run_audit(pypi(200, REAL_PYPI), program) == 0
    assert capsys.readouterr().out == (
        "scripts/audit: pip-audit: no known vulnerabilities in 1 packages\n"
    )


@pytest.mark.parametrize(
    ("status", "body", "why"),
    [
        pytest.param(404, b"", "answered HTTP 404", id="a-partial-mirror"),
        pytest.param(200, b"<html>captive portal</html>", "did not answer JSON", id="a-proxy"),
        pytest.param(200, b'{"info": {}}', "without vulnerability data", id="not-pypi"),
    ],
)
def test_where_pypi_does_not_answer_like_itself_the_audit_is_skipped_loudly(
    pypi: Callable[[int, bytes], str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    status: int,
    body: bytes,
    why: str,
) -> None:
    assert run_audit(pypi(status, body), never_run(tmp_path)) == 0
    err = capsys.readouterr().err
    assert "SKIPPED: the dependency audit (pip-audit) was NOT RUN" in err
    assert why in err


def test_an_audit_that_checked_no_package_is_reported_as_not_run(
    pypi: Callable[[int, bytes], str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    skipped = "Dependency not found on PyPI and could not be audited: pyyaml (6.0.2)"
    program = fake_pip_audit(tmp_path, [{"name": "pyyaml", "skip_reason": skipped}])
    assert run_audit(pypi(200, REAL_PYPI), program) == 0
    assert "NOT RUN: PyPI answered for none of the 1 packages" in capsys.readouterr().err


def test_an_unreachable_network_skips_within_the_probe_timeout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Nothing listens on port 9 (discard) here: refused at once, as a missing route would be.
    assert run_audit("http://127.0.0.1:9/pypi/pip/24.0/json", never_run(tmp_path)) == 0
    assert "NOT RUN: PyPI's vulnerability data cannot be reached" in capsys.readouterr().err
