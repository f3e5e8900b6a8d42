"""Words only Microsoft Teams shows: the app package's manifest and command list, the cards'
inputs, and what a click on a card is answered with when it cannot be recorded.

The manifest's limits (characters) are noted beside its entries; the schema refuses longer ones.
"""

from __future__ import annotations

from seuranta.i18n.catalogue import Entry

MESSAGES: dict[str, Entry] = {
    "teams.manifest.name.full": {  # 100 characters
        "fi": "Seuranta – toimenpideohjelman seuranta",
        "sv": "Seuranta – uppföljning av åtgärdsprogrammet",
        "en": "Seuranta – following the action programme",
    },
    "teams.manifest.description.short": {  # 80 characters
        "fi": "Kuka vastaa toimenpiteestä, mitä erääntyy ja miten edetään – chatissa.",
        "sv": "Vem ansvarar för en åtgärd, vad som förfaller och hur det går – i chatten.",
        "en": "Who owns a measure, what is due and how it is going – in chat.",
    },
    "teams.manifest.description.full": {  # 4,000 characters
        "fi": "Kysy toimenpideohjelmasta suomeksi, ruotsiksi tai englanniksi: kuka vastaa "
        "2.7:stä, mistä SUPO vastaa, mitä erääntyy syksyllä, mikä on myöhässä. Vastuutahojen "
        "yhteyshenkilöt saavat muistutukset ennen määräaikoja ja raportoivat toimenpiteen "
        "tilanteen suoraan kortilta. Vastaus tulee kysymyksen kielellä.",
        "sv": "Fråga om åtgärdsprogrammet på finska, svenska eller engelska: vem ansvarar för "
        "2.7, vad ansvarar SUPO för, vad förfaller i höst, vad är försenat. De ansvariga "
        "organisationernas kontaktpersoner får påminnelser före tidsfristerna och rapporterar "
        "åtgärdens läge direkt från kortet. Svaret kommer på frågans språk.",
        "en": "Ask about the action programme in Finnish, Swedish or English: who owns 2.7, "
        "what does SUPO own, what is due this autumn, what is overdue. The contacts of the "
        "responsible organisations get reminders before deadlines and report each measure's "
        "status straight from the card. Answers come in the language of the question.",
    },
    # The command list: a sample question as a title (32 characters), descriptions (128).
    "teams.command.ask.title": {
        "fi": "kuka vastaa 2.7:stä?",
        "sv": "vem ansvarar för 2.7?",
        "en": "who owns 2.7?",
    },
    "teams.command.ask": {
        "fi": "Kysy mitä vain: vastuutahot, toimenpide, organisaation toimenpiteet, "
        "määräajat, tilanne",
        "sv": "Fråga vad som helst: ansvariga, en åtgärd, en organisations åtgärder, "
        "tidsfrister, läget",
        "en": "Ask anything: owners, a measure, an organisation's measures, deadlines, status",
    },
    "teams.command.due.title": {
        "fi": "mitä erääntyy 12/2018?",
        "sv": "vad förfaller 12/2018?",
        "en": "what is due in 12/2018?",
    },
    "teams.command.due": {
        "fi": "Kuukauden, vuodenajan tai vuoden määräajat; myös ”myöhässä”",
        "sv": "Tidsfristerna för en månad, en årstid eller ett år; även ”försenade”",
        "en": "Deadlines in a month, a season or a year; also “overdue”",
    },
    "teams.command.status": {
        "fi": "Raportoi tilanne: status 2.7 at-risk ”huomio” (toimenpiteen yhteyshenkilöt "
        "ja ylläpitäjät)",
        "sv": "Rapportera läget: status 2.7 at-risk ”anteckning” (åtgärdens kontaktpersoner "
        "och administratörer)",
        "en": "Report a measure's status: status 2.7 at-risk “note” (its contacts and admins)",
    },
    "teams.command.deadline": {
        "fi": "Toimenpiteen määräajat: deadline 2.7; lisää, siirrä tai poista",
        "sv": "En åtgärds tidsfrister: deadline 2.7; lägg till, flytta eller ta bort",
        "en": "A measure's deadlines: deadline 2.7; add, move or remove one",
    },
    "teams.command.pause": {
        "fi": "Keskeytä muistutuksesi: pause until 2027-01-07",
        "sv": "Pausa dina påminnelser: pause until 2027-01-07",
        "en": "Pause your reminders: pause until 2027-01-07",
    },
    "teams.command.iam": {
        "fi": "Kerro, mitä organisaatiota edustat: iam SUPO",
        "sv": "Säg vilken organisation du representerar: iam SUPO",
        "en": "Say which organisation you represent: iam SUPO",
    },
    "teams.command.contacts": {
        "fi": "Organisaatioiden yhteyshenkilöt: contacts [ORGANISAATIO]",
        "sv": "Organisationernas kontaktpersoner: contacts [ORGANISATION]",
        "en": "The organisations' contact people: contacts [ORGANISATION]",
    },
    "teams.command.round": {
        "fi": "Raportointikierrokset: round start --due PÄIVÄ, round report, round close",
        "sv": "Rapporteringsomgångar: round start --due DATUM, round report, round close",
        "en": "Reporting rounds: round start --due DATE, round report, round close",
    },
    "teams.command.report": {
        "fi": "Seurantataulukko ja tilannekaavio",
        "sv": "Uppföljningstabellen och lägesdiagrammet",
        "en": "The follow-up table and the status chart",
    },
    "teams.command.failures": {
        "fi": "Viestit, joita ei saatu perille (ylläpitäjät)",
        "sv": "Meddelanden som inte kom fram (administratörer)",
        "en": "Messages that could not be delivered (admins)",
    },
    "teams.command.help": {
        "fi": "Mitä voi kysyä, ja komennot",
        "sv": "Vad man kan fråga, och kommandona",
        "en": "What you can ask, and the commands",
    },
    # Cards: the status controls and what a click is answered with when nothing is recorded.
    "teams.note.placeholder": {
        "fi": "Huomautus (vapaaehtoinen)",
        "sv": "Kommentar (frivillig)",
        "en": "Note (optional)",
    },
    "teams.status.save": {
        "fi": "Tallenna",
        "sv": "Spara",
        "en": "Save",
    },
    "teams.click.empty": {
        "fi": "Valitse ensin tilanne tai kirjoita huomautus.",
        "sv": "Välj först ett läge eller skriv en kommentar.",
        "en": "Choose a status or write a note first.",
    },
    "teams.click.unreadable": {
        "fi": (
            "Tätä painiketta ei voitu lukea, joten mitään ei kirjattu. Voit kirjoittaa tilanteen "
            'minulle viestinä: `{cmd} status 2.7 at-risk "huomautus"`'
        ),
        "sv": (
            "Den här knappen kunde inte läsas, så inget registrerades. Du kan skriva läget till "
            'mig som ett meddelande: `{cmd} status 2.7 at-risk "kommentar"`'
        ),
        "en": (
            "This button could not be read, so nothing was recorded. You can write the status "
            'to me as a message: `{cmd} status 2.7 at-risk "note"`'
        ),
    },
    "teams.click.anonymous": {
        "fi": "Teams ei kertonut, kuka painoi, joten mitään ei kirjattu.",
        "sv": "Teams angav inte vem som klickade, så inget registrerades.",
        "en": "Teams did not say who clicked, so nothing was recorded.",
    },
    # Typed commands in a Teams chat.
    "teams.message.anonymous": {
        "fi": "Teams ei kertonut, kuka olet, joten en voi tehdä sitä. Kysymyksiin vastaan silti.",
        "sv": "Teams angav inte vem du är, så jag kan inte göra det. Frågor svarar jag ändå på.",
        "en": "Teams did not say who you are, so I cannot do that. I still answer questions.",
    },
    "teams.report.links": {
        "fi": "Seurantataulukko (Excel) ja tilannesivu:",
        "sv": "Uppföljningstabellen (Excel) och lägessidan:",
        "en": "The follow-up table (Excel) and the status page:",
    },
    "teams.report.page": {
        "fi": "Tilannesivu",
        "sv": "Lägessidan",
        "en": "Status page",
    },
    "teams.report.no_url": {
        "fi": (
            "Raportti on tilannesivulla, mutta sen osoitetta (SEURANTA_PUBLIC_URL) ei ole "
            "asetettu. Pyydä ylläpitäjää asettamaan se."
        ),
        "sv": (
            "Rapporten finns på lägessidan, men dess adress (SEURANTA_PUBLIC_URL) har inte "
            "angetts. Be en administratör att ange den."
        ),
        "en": (
            "The report is on the status page, but its address (SEURANTA_PUBLIC_URL) has not "
            "been set. Ask an administrator to set it."
        ),
    },
}
