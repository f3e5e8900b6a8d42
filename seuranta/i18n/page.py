"""The status page, the follow-up table (xlsx, csv, html) and the charts."""

from __future__ import annotations

from seuranta.i18n.catalogue import Entry

MESSAGES: dict[str, Entry] = {
    "report.heading": {
        "fi": "Seurantataulukko",
        "sv": "Uppföljningstabell",
        "en": "Follow-up table",
    },
    "report.sheet": {
        "fi": "Seuranta",
        "sv": "Uppföljning",
        "en": "Follow-up",
    },
    "report.caption": {
        "fi": "Toimenpiteiden tilanne {today}",
        "sv": "Läget för åtgärderna {today}",
        "en": "Status of the measures on {today}",
    },
    "report.col.number": {
        "fi": "Nro",
        "sv": "Nr",
        "en": "No.",
    },
    "report.col.measure": {
        "fi": "Toimenpide",
        "sv": "Åtgärd",
        "en": "Measure",
    },
    "report.col.implementation": {
        "fi": "Toimeenpano",
        "sv": "Genomförande",
        "en": "Implementation",
    },
    "report.col.owners": {
        "fi": "Vastuutaho",
        "sv": "Ansvarig",
        "en": "Responsible",
    },
    "report.col.schedule": {
        "fi": "Aikataulut",
        "sv": "Tidtabell",
        "en": "Schedule",
    },
    "report.col.state": {
        "fi": "Tila",
        "sv": "Läge",
        "en": "Status",
    },
    "report.col.note": {
        "fi": "Tilannetieto",
        "sv": "Lägesbeskrivning",
        "en": "Status note",
    },
    "report.col.reporter": {
        "fi": "Raportoija",
        "sv": "Rapporterad av",
        "en": "Reported by",
    },
    "report.col.reported": {
        "fi": "Raportoitu",
        "sv": "Rapporterad",
        "en": "Reported on",
    },
    "report.col.overdue": {
        "fi": "Myöhässä olevia määräaikoja",
        "sv": "Försenade tidsfrister",
        "en": "Overdue milestones",
    },
    "report.overdue": {
        "fi": "MYÖHÄSSÄ",
        "sv": "FÖRSENAD",
        "en": "OVERDUE",
    },
    "page.title": {
        "fi": "Toimenpideohjelman tilanne",
        "sv": "Åtgärdsprogrammets läge",
        "en": "Action programme status",
    },
    "page.skip": {
        "fi": "Siirry sisältöön",
        "sv": "Hoppa till innehållet",
        "en": "Skip to content",
    },
    "page.language": {
        "fi": "Kieli",
        "sv": "Språk",
        "en": "Language",
    },
    "page.filters": {
        "fi": "Rajaa toimenpiteitä",
        "sv": "Filtrera åtgärder",
        "en": "Filter measures",
    },
    "page.organisation": {
        "fi": "Vastuutaho",
        "sv": "Ansvarig",
        "en": "Organisation",
    },
    "page.theme": {
        "fi": "Teema",
        "sv": "Tema",
        "en": "Theme",
    },
    "page.state": {
        "fi": "Tila",
        "sv": "Läge",
        "en": "Status",
    },
    "page.any": {
        "fi": "Kaikki",
        "sv": "Alla",
        "en": "All",
    },
    "page.search": {
        "fi": "Hakusanat",
        "sv": "Sökord",
        "en": "Search words",
    },
    "page.apply": {
        "fi": "Näytä",
        "sv": "Visa",
        "en": "Show",
    },
    "page.clear": {
        "fi": "Poista rajaukset",
        "sv": "Ta bort filtren",
        "en": "Clear filters",
    },
    "page.shown": {
        "fi": "Näytetään {shown}/{total} {total|toimenpide|toimenpidettä}.",
        "sv": "Visar {shown} av {total} {total|åtgärd|åtgärder}.",
        "en": "Showing {shown} of {total} {total|measure|measures}.",
    },
    "page.none": {
        "fi": "Rajauksia vastaavia toimenpiteitä ei ole.",
        "sv": "Inga åtgärder motsvarar filtren.",
        "en": "No measures match the filters.",
    },
    "page.summary": {
        "fi": "Tilanne teemoittain",
        "sv": "Läget per tema",
        "en": "Status by theme",
    },
    "page.total": {
        "fi": "Yhteensä",
        "sv": "Totalt",
        "en": "Total",
    },
    "page.overdue_count": {
        "fi": "{count} {count|myöhässä oleva määräaika|myöhässä olevaa määräaikaa}",
        "sv": "{count} {count|försenad tidsfrist|försenade tidsfrister}",
        "en": "{count} overdue {count|milestone|milestones}",
    },
    "page.charts": {
        "fi": "Kaaviot",
        "sv": "Diagram",
        "en": "Charts",
    },
    "page.chart_status_alt": {
        "fi": "Pylväskaavio toimenpiteiden tilasta teemoittain. Luvut ovat taulukossa yllä.",
        "sv": "Stapeldiagram över åtgärdernas läge per tema. Siffrorna finns i tabellen ovan.",
        "en": "Bar chart of the measures' status by theme. The figures are in the table above.",
    },
    "page.chart_timeline_alt": {
        "fi": (
            "Aikajana määräajoista teemoittain ja tämän päivän viiva. Määräajat on lueteltu "
            "kunkin toimenpiteen sivulla."
        ),
        "sv": (
            "Tidslinje över tidsfristerna per tema med dagens linje. Tidsfristerna listas på "
            "varje åtgärds sida."
        ),
        "en": (
            "Timeline of the deadlines by theme with a line for today. Each measure's page lists "
            "its deadlines."
        ),
    },
    "page.next": {
        "fi": "Seuraava määräaika",
        "sv": "Nästa tidsfrist",
        "en": "Next deadline",
    },
    "page.back": {
        "fi": "Kaikki toimenpiteet",
        "sv": "Alla åtgärder",
        "en": "All measures",
    },
    "page.no_dates": {
        "fi": "Ei päivättyjä määräaikoja.",
        "sv": "Inga daterade tidsfrister.",
        "en": "No dated milestones.",
    },
    "page.undated": {
        "fi": "Päiväämättömät",
        "sv": "Odaterade",
        "en": "Undated",
    },
    "page.history": {
        "fi": "Tilannehistoria",
        "sv": "Lägeshistorik",
        "en": "Status history",
    },
    "page.notes_hidden": {
        "fi": "Tilannetiedot eivät ole julkisia.",
        "sv": "Lägesbeskrivningarna är inte offentliga.",
        "en": "Status notes are not public.",
    },
    "page.not_found": {
        "fi": "Sivua ei löytynyt",
        "sv": "Sidan hittades inte",
        "en": "Page not found",
    },
    "page.as_of": {
        "fi": "Tilanne {today}",
        "sv": "Läget {today}",
        "en": "As of {today}",
    },
    "chart.status_title": {
        "fi": "Toimenpiteiden tila teemoittain",
        "sv": "Åtgärdernas läge per tema",
        "en": "Measures by status and theme",
    },
    "chart.measures": {
        "fi": "Toimenpiteitä",
        "sv": "Åtgärder",
        "en": "Measures",
    },
    "chart.timeline_title": {
        "fi": "Määräajat teemoittain",
        "sv": "Tidsfrister per tema",
        "en": "Deadlines by theme",
    },
    "chart.due": {
        "fi": "määräaika",
        "sv": "tidsfrist",
        "en": "deadline",
    },
    "chart.response_title": {
        "fi": "Vastausaste kierroksittain",
        "sv": "Svarsfrekvens per omgång",
        "en": "Response rate by round",
    },
    "chart.response_axis": {
        "fi": "Vastanneita (%)",
        "sv": "Svarat (%)",
        "en": "Responded (%)",
    },
}
