"""Words only Slack shows: sharing, the error apology, the App Home, the status modal."""

from __future__ import annotations

from seuranta.i18n.catalogue import Entry

MESSAGES: dict[str, Entry] = {
    "slack.more.ask": {
        "fi": "Tarkenna kysymystä, esim. ”{example}”",
        "sv": "Precisera frågan, t.ex. ”{example}”",
        "en": "Ask a narrower question, e.g. “{example}”",
    },
    "slack.example.month": {
        "fi": "mitä erääntyy {month}/{year}?",
        "sv": "vad förfaller {month}/{year}?",
        "en": "what is due in {month}/{year}?",
    },
    "slack.share": {
        "fi": "Jaa kanavalle",
        "sv": "Dela i kanalen",
        "en": "Share in channel",
    },
    "slack.shared_by": {
        "fi": "{user} kysyi: {question}",
        "sv": "{user} frågade: {question}",
        "en": "{user} asked: {question}",
    },
    "slack.error": {
        "fi": (
            "Jotain meni pieleen, eikä kysymykseen saatu vastausta. Yritä hetken päästä "
            "uudelleen. (Viite {ref})"
        ),
        "sv": "Något gick fel och frågan blev obesvarad. Försök igen om en stund. (Referens {ref})",
        "en": (
            "Something went wrong and the question was not answered. Please try again in a "
            "moment. (Reference {ref})"
        ),
    },
    "home.title": {
        "fi": "Seuranta",
        "sv": "Seuranta",
        "en": "Seuranta",
    },
    "home.mine": {
        "fi": "Organisaatiosi {org} toimenpiteet",
        "sv": "Åtgärder för din organisation {org}",
        "en": "Your organisation's measures: {org}",
    },
    "home.no_org": {
        "fi": (
            "Et ole vielä kertonut, ketä edustat. Kirjoita esim. `/seuranta iam SUPO`, niin näet "
            "täällä organisaatiosi toimenpiteet."
        ),
        "sv": (
            "Du har inte angett vem du representerar. Skriv t.ex. `/seuranta iam SUPO` så visas "
            "din organisations åtgärder här."
        ),
        "en": (
            "You have not said whom you represent yet. Type e.g. `/seuranta iam SUPO` to see "
            "your organisation's measures here."
        ),
    },
    "home.next": {
        "fi": "Seuraavaksi",
        "sv": "Härnäst",
        "en": "Next",
    },
    "home.no_next": {
        "fi": "ei tulevia määräaikoja",
        "sv": "inga kommande tidsfrister",
        "en": "no upcoming deadline",
    },
    "home.how": {
        "fi": (
            "Kysy kirjoittamalla `/seuranta` ja kysymys, mainitsemalla minut kanavalla tai "
            "yksityisviestillä. Esimerkkejä:"
        ),
        "sv": (
            "Fråga med `/seuranta` och frågan, genom att nämna mig i en kanal eller i ett "
            "direktmeddelande. Exempel:"
        ),
        "en": (
            "Ask with `/seuranta` and your question, by mentioning me in a channel, or in a "
            "direct message. For example:"
        ),
    },
    "home.round": {
        "fi": (
            "📋 *Raportointikierros #{id}* (määräpäivä {due}): kerro vielä tilanne: {numbers}. "
            "Käytä kierrosviestin valikoita tai `/seuranta status NUMERO TILA`."
        ),
        "sv": (
            "📋 *Rapporteringsomgång #{id}* (senast {due}): läget saknas ännu för {numbers}. "
            "Använd menyerna i omgångens meddelande eller `/seuranta status NUMMER LÄGE`."
        ),
        "en": (
            "📋 *Reporting round #{id}* (due {due}): still waiting for your status of {numbers}. "
            "Use the menus in the round's message or `/seuranta status NUMBER STATE`."
        ),
    },
    "home.failures": {
        "fi": "⚠️ Toimittamatta jääneitä viestejä: {count}. Katso `/seuranta failures`.",
        "sv": "⚠️ Meddelanden som inte kunde levereras: {count}. Se `/seuranta failures`.",
        "en": "⚠️ Messages that could not be delivered: {count}. See `/seuranta failures`.",
    },
    "status.modal_title": {
        "fi": "Tilanne {number}",
        "sv": "Läget {number}",
        "en": "Status {number}",
    },
    "status.modal_state": {
        "fi": "Tilanne",
        "sv": "Läge",
        "en": "Status",
    },
    "status.modal_note": {
        "fi": "Huomautus",
        "sv": "Kommentar",
        "en": "Note",
    },
    "status.modal_save": {
        "fi": "Tallenna",
        "sv": "Spara",
        "en": "Save",
    },
}
