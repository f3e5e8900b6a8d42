"""``seuranta teams package`` builds a package Microsoft's schema accepts, with icons Teams
accepts, or says in one line what is missing."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from bot.teams.package import MANIFEST_VERSION
from seuranta.cli import main
from tests.support.teams_activities import APP_ID
from tests.support.validators import OfficialValidators

SUBCOMMANDS = {"status", "deadline", "pause", "iam", "contacts", "round", "report", "failures"}


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    monkeypatch.setenv("TEAMS_APP_ID", APP_ID)
    monkeypatch.setenv("SEURANTA_PUBLIC_URL", "https://seuranta.example.org")
    out = tmp_path / "seuranta-teams.zip"

    assert main(["teams", "package", "--out", str(out)]) == 0

    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _manifest(package: dict[str, bytes]) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(package["manifest.json"])
    return document


def test_the_manifest_and_its_translations_pass_microsofts_schema(
    package: dict[str, bytes], validators: OfficialValidators
) -> None:
    manifest = _manifest(package)

    assert validators.manifest(manifest) == []
    for language in manifest["localizationInfo"]["additionalLanguages"]:
        translation = json.loads(package[language["file"]])
        assert validators.localization(translation, MANIFEST_VERSION) == [], language


def test_the_manifest_uses_the_newest_schema_the_validator_knows(
    package: dict[str, bytes], validators: OfficialValidators
) -> None:
    assert _manifest(package)["manifestVersion"] == validators.manifest_versions()[-1]


def test_the_package_holds_what_the_manifest_names_and_nothing_else(
    package: dict[str, bytes],
) -> None:
    manifest = _manifest(package)
    named = {"manifest.json", *manifest["icons"].values()}
    named |= {language["file"] for language in manifest["localizationInfo"]["additionalLanguages"]}

    assert set(package) == named
    assert {
        lang["languageTag"] for lang in manifest["localizationInfo"]["additionalLanguages"]
    } == {
        "fi-fi",
        "sv-se",
    }


def test_the_app_is_the_bot_in_every_scope_at_the_public_address(
    package: dict[str, bytes],
) -> None:
    manifest = _manifest(package)
    (bot,) = manifest["bots"]

    assert manifest["id"] == bot["botId"] == APP_ID
    assert bot["scopes"] == ["personal", "team", "groupChat"]
    assert manifest["validDomains"] == ["seuranta.example.org"]
    assert manifest["developer"]["privacyUrl"].startswith("https://seuranta.example.org")


def test_the_personal_command_list_has_every_subcommand_a_sample_question_and_help(
    package: dict[str, bytes],
) -> None:
    personal, groups = _manifest(package)["bots"][0]["commandLists"]
    titles = [command["title"] for command in personal["commands"]]

    assert personal["scopes"] == ["personal"]
    assert set(titles) == {*SUBCOMMANDS, "help", "who owns 2.7?"}
    assert groups["scopes"] == ["team", "groupChat"]


def test_the_translations_name_every_command_and_keep_the_command_words(
    package: dict[str, bytes],
) -> None:
    lists = _manifest(package)["bots"][0]["commandLists"]
    for file, sample in (("fi.json", "kuka vastaa 2.7:stä?"), ("sv.json", "vem ansvarar för 2.7?")):
        translation = json.loads(package[file])
        for i, commands in enumerate(lists):
            for j, command in enumerate(commands["commands"]):
                title = translation[f"bots[0].commandLists[{i}].commands[{j}].title"]
                assert translation[f"bots[0].commandLists[{i}].commands[{j}].description"]
                assert title == command["title"] or command["title"].endswith("?")
        assert translation["bots[0].commandLists[0].commands[0].title"] == sample


def test_the_colour_icon_is_192_pixels_square_and_opaque(package: dict[str, bytes]) -> None:
    icon = Image.open(io.BytesIO(package["color.png"]))

    assert icon.format == "PNG"
    assert icon.size == (192, 192)
    assert icon.mode == "RGB"
    assert len(set(_pixels(icon))) > 2  # a picture, not a flat square


def test_the_outline_icon_is_32_pixels_white_on_transparent(package: dict[str, bytes]) -> None:
    icon = Image.open(io.BytesIO(package["outline.png"]))

    assert icon.format == "PNG"
    assert icon.size == (32, 32)
    assert icon.mode == "RGBA"
    pixels = _pixels(icon)
    visible = [p for p in pixels if p[3] > 0]
    assert {p[:3] for p in visible} == {(255, 255, 255)}
    assert 0.1 < len(visible) / len(pixels) < 0.6
    assert all(icon.getpixel(corner)[3] == 0 for corner in ((0, 0), (31, 0), (0, 31), (31, 31)))  # type: ignore[index]


def _pixels(image: Image.Image) -> list[Any]:
    width, height = image.size
    return [image.getpixel((x, y)) for y in range(height) for x in range(width)]


@pytest.mark.parametrize(
    ("environment", "says"),
    [
        ({"SEURANTA_PUBLIC_URL": "https://seuranta.example.org"}, "TEAMS_APP_ID must be set"),
        ({"TEAMS_APP_ID": APP_ID}, "SEURANTA_PUBLIC_URL must be set"),
    ],
    ids=["no app id", "no public address"],
)
def test_something_missing_is_one_line_and_no_file(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    environment: dict[str, str],
    says: str,
) -> None:
    for name in ("TEAMS_APP_ID", "SEURANTA_PUBLIC_URL", "SEURANTA_TEAMS_EMULATOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    out = tmp_path / "seuranta-teams.zip"

    assert main(["teams", "package", "--out", str(out)]) == 2

    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"seuranta: error: {says}")
    assert not out.exists()
