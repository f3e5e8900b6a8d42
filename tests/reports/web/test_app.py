"""The status page, called through WSGI: filters, a measure's page, languages, hidden notes."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data.db import transaction
from data.models import Measure, Milestone, State, StatusReport
from reports.web import make_app
from seuranta.errors import ConfigError
from seuranta.settings import Settings
from tests.support.page import call
from tests.support.programme import NOW

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

MEASURE_LINK = re.compile(r'<th scope="row" class="number"><a href="[^"]*/measure/([\d.a-z]+)')


def listed(html: str) -> list[str]:
    return MEASURE_LINK.findall(html)


def test_index_lists_the_programme_by_theme(app: WSGIApplication) -> None:
    page = call(app, "/")
    assert page.status == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert len(listed(page.text)) == 39
    assert page.text.count('<h3 id="theme-') == 8
    assert '<html lang="fi">' in page.text
    assert 'href="#content">Siirry sisältöön</a>' in page.text
    # The state as a word on its colour; the summary counts in a table.
    assert '<span class="state state-done">Valmis</span>' in page.text
    assert "Näytetään 39/39 toimenpidettä." in page.text


def test_filter_by_organisation(app: WSGIApplication) -> None:
    page = call(app, "/", "org=SUPO")
    assert listed(page.text) == ["1.1", "2.13", "2.14"]
    assert '<option value="SUPO" selected>' in page.text


def test_filter_by_theme_and_state_together(app: WSGIApplication) -> None:
    assert listed(call(app, "/", "theme=2&state=done").text) == ["2.7"]
    assert listed(call(app, "/", "state=delayed").text) == ["1.1"]
    assert len(listed(call(app, "/", "theme=2").text)) == 14


def test_search_box_finds_measures(app: WSGIApplication) -> None:
    found = listed(call(app, "/", "q=kyberrikollisuus").text)
    assert "2.14" in found
    assert len(found) < 39
    assert "Rajauksia vastaavia toimenpiteitä ei ole." in call(app, "/", "q=zzzzqqq").text


def test_search_box_reads_inflected_compounds_and_skips_question_words(
    app: WSGIApplication,
) -> None:
    # Only 2.7 says kyberturvallisuusohjeistusta; "mitkä toimenpiteet koskevat" match nothing.
    query = "q=mitk%C3%A4+toimenpiteet+koskevat+kyberturvallisuutta"
    assert listed(call(app, "/", query).text) == ["2.7"]
    # 2.9 says valmiuslain: laki : lain is found by the analysed lemma, not by the letters.
    assert listed(call(app, "/", "q=valmiuslaki").text) == ["2.9"]


def test_unknown_filter_values_show_everything_rather_than_fail(app: WSGIApplication) -> None:
    assert len(listed(call(app, "/", "theme=x&state=bogus&path=1&lang=de").text)) == 39


def test_measure_page_has_owners_milestones_and_history(app: WSGIApplication) -> None:
    page = call(app, "/measure/2.7")
    assert page.status == 200
    text = page.text
    assert "<h1>Toimenpide 2.7</h1>" in text
    assert "sisäministeriö (SM)" in text
    assert "Turvallisuuskomitea" in text
    assert '<ol class="milestones"' in text  # the timeline's text alternative
    assert 'aria-hidden="true"' in text
    # Newest report first, both kept.
    assert text.index("Kansallinen riskiarvio valmis.") < text.index("Riskiarvio myöhässä.")
    assert "Maija Meikäläinen" in text


def test_overdue_milestones_are_marked_in_words(app: WSGIApplication) -> None:
    assert "⚠ MYÖHÄSSÄ" in call(app, "/measure/1.1").text
    assert "MYÖHÄSSÄ" not in call(app, "/measure/2.7").text  # reported done


def test_unknown_measure_and_path_are_404(app: WSGIApplication) -> None:
    for path in ("/measure/9.9", "/measure/2.7x1", "/nothing", "/static/../secrets"):
        page = call(app, path)
        assert page.status == 404, path
        assert "Sivua ei löytynyt" in page.text


def test_language_switch_keeps_the_filters(app: WSGIApplication) -> None:
    page = call(app, "/", "org=SUPO&lang=sv")
    assert '<html lang="sv">' in page.text
    assert "Visar 3 av 39 åtgärder." in page.text
    assert 'href="/?org=SUPO&amp;lang=en" hreflang="en" lang="en">In English</a>' in page.text
    assert 'href="/?org=SUPO" hreflang="fi" lang="fi">Suomeksi</a>' in page.text
    english = call(app, "/measure/2.7", "lang=en").text
    assert "<h1>Measure 2.7</h1>" in english
    assert "Ministry of the Interior (SM)" in english
    assert 'href="/?lang=en">← All measures</a>' in english


def test_notes_can_be_hidden_from_the_public(reported: sessionmaker[Session]) -> None:
    public = make_app(reported, Settings(hide_status_notes=True), clock=lambda: NOW)
    page = call(public, "/measure/2.7").text
    assert "Kansallinen riskiarvio valmis." not in page
    assert "Tilannetiedot eivät ole julkisia." in page
    assert "Valmis" in page  # the state itself stays public
    assert "Tilannetieto" not in page  # nor an empty notes column


def test_status_chart_is_redrawn_after_a_new_report(
    app: WSGIApplication, reported: sessionmaker[Session]
) -> None:
    before = call(app, "/chart/status.svg").body
    assert call(app, "/chart/status.svg").body == before
    with transaction(reported) as session:
        measure = session.scalars(select(Measure).where(Measure.number == "2.1")).one()
        session.add(
            StatusReport(
                measure_id=measure.id,
                state=State.DONE,
                reporter="U1",
                source="cli",
                created_at=NOW,
            )
        )
    after = call(app, "/chart/status.svg").body
    assert after != before
    assert b'id="bar-2-done"' in after


def test_links_respect_the_mount_point(reported: sessionmaker[Session]) -> None:
    mounted = make_app(reported, Settings(), clock=lambda: NOW, mount="/status")
    page = call(mounted, "/", script_name="/status")
    assert 'href="/status/static/style.css"' in page.text
    assert 'href="/status/measure/2.7"' in page.text


def test_stylesheet_and_chart_are_served(app: WSGIApplication) -> None:
    css = call(app, "/static/style.css")
    assert (css.status, css.headers["Content-Type"]) == (200, "text/css; charset=utf-8")
    chart = call(app, "/chart/status.svg")
    assert chart.headers["Content-Type"] == "image/svg+xml"
    assert chart.body.startswith(b"<?xml")
    assert call(app, "/chart/timeline.svg").status == 200
    assert call(app, "/chart/pie.svg").status == 404


def test_read_only(app: WSGIApplication) -> None:
    page = call(app, "/", method="POST")
    assert page.status == 405
    assert page.headers["Allow"] == "GET, HEAD"
    head = call(app, "/", method="HEAD")
    assert (head.status, head.body) == (200, b"")


LINK = re.compile(r'(?:href|src|action)="([^"]*)"')


def links(html: str) -> list[str]:
    return LINK.findall(html)


def assert_on_site(html: str, mount: str = "") -> None:
    """Every link is a same-origin path under the mount point (a "#fragment" stays too)."""
    for link in links(html):
        if link.startswith("#"):
            continue
        assert link.startswith(mount + "/"), link
        assert not link.startswith(("//", "/\\")), link
        assert not link[len(mount) :].startswith(("//", "/\\")), link


@pytest.mark.parametrize(
    "theme", ["%C2%B2", "%D9%A2", "99999999999999999999", "1" * 5000, "-1", "+1", " 1"]
)
def test_a_theme_that_is_not_a_small_ascii_number_is_ignored_politely(
    app: WSGIApplication, theme: str
) -> None:
    page = call(app, "/", f"theme={theme}")
    assert page.status == 200
    assert len(listed(page.text)) == 39


@pytest.mark.parametrize(
    "path", ["//evil.example/phish", "///evil.example/x", "/\\evil.example/x", "//evil.example"]
)
def test_a_path_naming_another_site_is_a_404_whose_links_stay_on_this_one(
    app: WSGIApplication, path: str
) -> None:
    page = call(app, path, "lang=sv")
    assert page.status == 404
    assert_on_site(page.text)


@pytest.mark.parametrize("script_name", ["//evil.example", "https://evil.example", "/other"])
def test_the_clients_script_name_never_goes_into_a_link(
    app: WSGIApplication, script_name: str
) -> None:
    for path in ("/", "/measure/2.7", "/nothing"):
        page = call(app, path, script_name=script_name)
        assert_on_site(page.text)
        assert script_name not in page.text


def test_only_a_path_can_be_a_mount_point(reported: sessionmaker[Session]) -> None:
    for mount in ("//evil.example", "https://evil.example", "/status/", "status"):
        with pytest.raises(ConfigError):
            make_app(reported, Settings(), mount=mount)


def test_hidden_notes_hide_who_reported_as_well(reported: sessionmaker[Session]) -> None:
    public = make_app(reported, Settings(hide_status_notes=True), clock=lambda: NOW)
    page = call(public, "/measure/2.7").text
    assert "Maija Meikäläinen" not in page
    assert "U027" not in page  # the reporter's Slack id
    assert "Raportoija" not in page  # nor an empty reporter column


def test_right_to_left_overrides_and_control_characters_never_reach_the_page(
    app: WSGIApplication, reported: sessionmaker[Session]
) -> None:
    with transaction(reported) as session:
        measure = session.scalars(select(Measure).where(Measure.number == "2.7")).one()
        # As stored before the input policy.
        session.add(
            StatusReport(
                measure_id=measure.id,
                state=State.DONE,
                note="valmis\u202etxt.exe\x0b\x01loppu",
                reporter="U1",
                reporter_name="Maija\u2066\u202e Meikäläinen\x1b",
                source="thread",
                created_at=NOW,
            )
        )
        session.add(
            Milestone(
                measure_id=measure.id,
                text="Arvio\u202e päivitetty\x08",
                kind="date",
                due=date(2019, 3, 31),
                position=99,
                origin="chat",
                created_at=NOW,
            )
        )
    page = call(app, "/measure/2.7").text
    assert "valmistxt.exe\nloppu" in page
    assert "Maija Meikäläinen" in page
    assert "Arvio päivitetty" in page
    for hidden in ("\u202e", "\u2066", "\x0b", "\x01", "\x1b", "\x08"):
        assert hidden not in page


def test_the_follow_up_table_downloads_in_the_asked_language(app: WSGIApplication) -> None:
    """What ``report`` in Teams links to: the table ``seuranta export`` makes, as a file."""
    table = call(app, "/export/seuranta.xlsx", "lang=sv")
    rows = call(app, "/export/seuranta.csv", "lang=en")

    assert table.status == 200
    assert table.headers["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert table.headers["Content-Disposition"] == 'attachment; filename="seuranta-2018-12-17.xlsx"'
    sheet = load_workbook(io.BytesIO(table.body)).active
    assert sheet is not None
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert any(cell == "2.7" for cell in cells)
    assert rows.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "2.7" in rows.body.decode("utf-8-sig")


def test_only_the_two_exports_are_downloads(app: WSGIApplication) -> None:
    assert call(app, "/export/seuranta.json").status == 404
    assert call(app, "/export/other.xlsx").status == 404
