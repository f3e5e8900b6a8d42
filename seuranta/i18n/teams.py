"""Words only Microsoft Teams shows."""

from __future__ import annotations

from seuranta.i18n.catalogue import Entry

MESSAGES: dict[str, Entry] = {}
