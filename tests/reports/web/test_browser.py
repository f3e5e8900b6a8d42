"""The status page in a real headless Chromium: filter by organisation, open a measure.

Chromium comes from Debian's packages (``.ci/run`` installs it); Playwright only drives it and
never downloads a browser. Without /usr/bin/chromium the test is skipped loudly, except in CI.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from sqlalchemy.orm import Session, sessionmaker

from reports.web import make_app
from seuranta.settings import Settings
from tests.support.programme import NOW

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Where the lead looks at the page without digging through pytest's temporary directories.
SHARED_SCREENSHOT = Path("/tmp/seuranta-page.png")


def _unavailable(reason: str) -> None:
    message = f"BROWSER TEST NOT RUN: {reason} (apt-get install chromium chromium-driver)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output for the test."""


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright for Python is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def base_url(reported: sessionmaker[Session]) -> Iterator[str]:
    server: WSGIServer = make_server(
        "127.0.0.1", 0, make_app(reported, Settings(), clock=lambda: NOW), handler_class=_Quiet
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


# One database is enough to show the browser side; the WSGI tests cover both.
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_filter_by_organisation_then_open_a_measure(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Toimenpideohjelman tilanne")

    # Keyboard first: the skip link is the first stop and is visible when focused.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Siirry sisältöön")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()

    page.get_by_label("Vastuutaho").select_option("SUPO")
    page.get_by_role("button", name="Näytä").click()
    page.wait_for_url("**/?org=SUPO**")
    rows = page.locator("table.measures tbody tr")
    expect(rows).to_have_count(3)
    expect(page.get_by_role("status")).to_contain_text("3/39")
    # The charts arrived as images the browser could decode.
    for chart in page.locator(".charts img").all():
        assert chart.evaluate("image => image.naturalWidth") > 0
    page.screenshot(path=tmp_path / "filtered.png", full_page=True)
    shutil.copy(tmp_path / "filtered.png", SHARED_SCREENSHOT)

    page.get_by_role("link", name="2.14", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toimenpide 2.14")
    expect(page.get_by_text("Suojelupoliisi (SUPO)")).to_be_visible()
    expect(page.locator("ol.milestones li")).to_have_count(2)
    page.get_by_role("link", name="In English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Measure 2.14")
    page.screenshot(path=tmp_path / "measure.png", full_page=True)
    assert (tmp_path / "measure.png").stat().st_size > 10_000
