"""The official validators really do catch mistakes (a check that passes everything is none)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.validators import OfficialValidators


def _card(*body: dict[str, Any], version: str = "1.5") -> dict[str, Any]:
    return {"type": "AdaptiveCard", "version": version, "body": list(body)}


RUN = {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "ok"}]}


def test_a_good_card_has_no_errors(validators: OfficialValidators) -> None:
    assert validators.card(_card(RUN)) == []


@pytest.mark.parametrize(
    ("card", "says"),
    [
        (_card({"type": "Bogus"}), 'Unknown element type "Bogus"'),
        (
            _card(
                {
                    "type": "RichTextBlock",
                    "inlines": [{"type": "TextRun", "text": "x", "weight": "Heavy"}],
                }
            ),
            'Invalid value "Heavy" for property "weight"',
        ),
        (_card({"type": "TextBlock", "text": "x", "wrapp": True}), "property .body[0].wrapp"),
        (_card(RUN, version="1.6"), "Teams renders Adaptive Cards up to 1.5"),
        ({**_card(RUN), "type": "Card"}, "Invalid or missing card type"),
        (_card({"type": "Container", "items": []}), "property .body[0].items"),
        (
            _card({"type": "Input.Text", "id": "a"}, {"type": "Input.Text", "id": "a"}),
            'Duplicate Id "a"',
        ),
    ],
    ids=[
        "unknown element",
        "bad enum value",
        "misspelt property",
        "too new for Teams",
        "not a card",
        "empty container",
        "duplicate input ids",
    ],
)
def test_a_broken_card_is_reported(
    validators: OfficialValidators, card: dict[str, Any], says: str
) -> None:
    errors = validators.card(card)

    assert any(says in error for error in errors), errors


def test_a_manifest_missing_its_required_parts_is_reported(
    validators: OfficialValidators,
) -> None:
    version = validators.manifest_versions()[-1]
    manifest = {
        "$schema": f"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json",
        "manifestVersion": version,
        "id": "not-a-guid",
    }

    errors = validators.manifest(manifest)

    assert any("must have required property 'developer'" in error for error in errors), errors
    assert any("/id must match pattern" in error for error in errors), errors


def test_a_manifest_version_without_a_bundled_schema_is_reported_not_fetched(
    validators: OfficialValidators,
) -> None:
    errors = validators.manifest({"manifestVersion": "9.99"})

    assert errors == [errors[0]]
    assert "no bundled schema" in errors[0]


def test_a_localization_file_with_a_key_teams_does_not_know_is_reported(
    validators: OfficialValidators,
) -> None:
    version = validators.manifest_versions()[-1]
    translation = {
        "name.short": "Seuranta",
        "description.short": "x",
        "description.full": "x",
        "bots[0].commandLists[0].commands[0].tittle": "x",
    }

    errors = validators.localization(translation, version)

    assert any("must NOT have additional properties" in error for error in errors), errors
    assert validators.localization({"name.short": "Seuranta"}, version) != []
