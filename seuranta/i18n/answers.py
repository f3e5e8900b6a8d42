"""What the answer engine says: owners, measures, organisations, search, deadlines, help."""

from __future__ import annotations

from seuranta.i18n.catalogue import Entry

MESSAGES: dict[str, Entry] = {
    "owners.title": {
        "fi": "Toimenpiteen {number} vastuutahot",
        "sv": "Ansvariga för åtgärd {number}",
        "en": "Owners of measure {number}",
    },
    "owners.lead": {
        "fi": "Päävastuutaho",
        "sv": "Huvudansvarig",
        "en": "Lead",
    },
    "owners.others": {
        "fi": "Muut vastuutahot",
        "sv": "Övriga ansvariga",
        "en": "Other owners",
    },
    "owners.none": {
        "fi": "ei nimetty",
        "sv": "inte angivet",
        "en": "none named",
    },
    "owners.uncertain": {
        "fi": "nimen tulkinta epävarma",
        "sv": "namnets tolkning osäker",
        "en": "expansion uncertain",
    },
    "measure.title": {
        "fi": "Toimenpide {number}",
        "sv": "Åtgärd {number}",
        "en": "Measure {number}",
    },
    "measure.theme": {
        "fi": "Teema {theme}",
        "sv": "Tema {theme}",
        "en": "Theme {theme}",
    },
    "measure.actions": {
        "fi": "Toimeenpano",
        "sv": "Genomförande",
        "en": "Implementation",
    },
    "measure.milestones": {
        "fi": "Aikataulu",
        "sv": "Tidtabell",
        "en": "Schedule",
    },
    "measure.status": {
        "fi": "Viimeisin tilanne",
        "sv": "Senaste läge",
        "en": "Latest status",
    },
    "measure.no_status": {
        "fi": "Tilannetta ei ole vielä raportoitu.",
        "sv": "Inget läge har rapporterats ännu.",
        "en": "No status reported yet.",
    },
    "org.title": {
        "fi": "{name}: toimenpiteet",
        "sv": "{name}: åtgärder",
        "en": "Measures of {name}",
    },
    "org.lead": {
        "fi": "Päävastuussa",
        "sv": "Huvudansvarig för",
        "en": "Leads",
    },
    "org.shared": {
        "fi": "Mukana vastuutahona",
        "sv": "Medansvarig för",
        "en": "Shares",
    },
    "org.nothing": {
        "fi": "{name} ei ole vastuutahona yhdessäkään toimenpiteessä.",
        "sv": "{name} är inte ansvarig för någon åtgärd.",
        "en": "{name} is not named as an owner of any measure.",
    },
    "org.ambiguous": {
        "fi": "”{text}” voi tarkoittaa useaa tahoa. Tarkoititko:",
        "sv": "”{text}” kan avse flera organisationer. Menade du:",
        "en": "“{text}” could mean several organisations. Did you mean:",
    },
    "search.title": {
        "fi": "Hakutulokset: {query}",
        "sv": "Sökresultat: {query}",
        "en": "Search results: {query}",
    },
    "search.none": {
        "fi": "Haulla ”{query}” ei löytynyt toimenpiteitä.",
        "sv": "Sökningen ”{query}” gav inga åtgärder.",
        "en": "No measures match “{query}”.",
    },
    "search.matched": {
        "fi": "osumat",
        "sv": "träffar",
        "en": "matched",
    },
    "due.period": {
        "fi": "Erääntyy {start} – {end}",
        "sv": "Förfaller {start} – {end}",
        "en": "Due {start} – {end}",
    },
    "due.overdue": {
        "fi": "Myöhässä {today} (ei raportoitu valmiiksi)",
        "sv": "Försenade {today} (inte rapporterade som klara)",
        "en": "Overdue as of {today} (not reported done)",
    },
    "due.none": {
        "fi": "Ei määräaikoja tällä aikavälillä.",
        "sv": "Inga tidsfrister under perioden.",
        "en": "Nothing is due in this period.",
    },
    "due.none_overdue": {
        "fi": "Mikään ei ole myöhässä.",
        "sv": "Inget är försenat.",
        "en": "Nothing is overdue.",
    },
    "due.count": {
        "fi": "{count} {count|määräaika|määräaikaa}",
        "sv": "{count} {count|tidsfrist|tidsfrister}",
        "en": "{count} {count|milestone|milestones}",
    },
    "status.title": {
        "fi": "Toimenpiteen {number} tilanne",
        "sv": "Läget för åtgärd {number}",
        "en": "Status of measure {number}",
    },
    "status.history": {
        "fi": "Aiemmin",
        "sv": "Tidigare",
        "en": "Earlier",
    },
    "status.by": {
        "fi": "{who}, {when}",
        "sv": "{who}, {when}",
        "en": "{who}, {when}",
    },
    "nosuch.title": {
        "fi": "Toimenpidettä {requested} ei ole ohjelmassa.",
        "sv": "Åtgärd {requested} finns inte i programmet.",
        "en": "There is no measure {requested} in the programme.",
    },
    "nosuch.nearest": {
        "fi": "Lähimmät",
        "sv": "Närmaste",
        "en": "Nearest",
    },
    "reading.shared": {
        "fi": "{names} yhteiset",
        "sv": "gemensamma för {names}",
        "en": "shared by {names}",
    },
    "reading.any_of": {
        "fi": "{names}",
        "sv": "{names}",
        "en": "{names}",
    },
    "reading.lead": {
        "fi": "päävastuussa",
        "sv": "huvudansvarig",
        "en": "as lead",
    },
    "reading.no_lead": {
        "fi": "ei päävastuutahoa",
        "sv": "utan huvudansvarig",
        "en": "no lead owner",
    },
    "reading.measures": {
        "fi": "toimenpide {numbers}",
        "sv": "åtgärd {numbers}",
        "en": "measure {numbers}",
    },
    "reading.themes": {
        "fi": "teema {themes}",
        "sv": "tema {themes}",
        "en": "theme {themes}",
    },
    "reading.year": {
        "fi": "erääntyy vuonna {year}",
        "sv": "förfaller år {year}",
        "en": "due in {year}",
    },
    "reading.period": {
        "fi": "erääntyy {start} – {end}",
        "sv": "förfaller {start} – {end}",
        "en": "due {start} – {end}",
    },
    "reading.overdue": {
        "fi": "myöhässä",
        "sv": "försenade",
        "en": "overdue",
    },
    "reading.state": {
        "fi": "tilanne: {state}",
        "sv": "läge: {state}",
        "en": "status: {state}",
    },
    "reading.continuous": {
        "fi": "jatkuvat",
        "sv": "fortlöpande",
        "en": "continuous",
    },
    "reading.topic": {
        "fi": "aihe ”{topic}”",
        "sv": "ämne ”{topic}”",
        "en": "topic “{topic}”",
    },
    "reading.owners": {
        "fi": "vastuutahot",
        "sv": "ansvariga",
        "en": "owners",
    },
    "reading.next_due": {
        "fi": "seuraava määräaika",
        "sv": "nästa tidsfrist",
        "en": "next deadline",
    },
    "reading.count": {
        "fi": "lukumäärä",
        "sv": "antal",
        "en": "how many",
    },
    "reading.everything": {
        "fi": "koko ohjelma",
        "sv": "hela programmet",
        "en": "the whole programme",
    },
    "reading.measure_count": {
        "fi": "{count} {count|toimenpide|toimenpidettä}",
        "sv": "{count} {count|åtgärd|åtgärder}",
        "en": "{count} {count|measure|measures}",
    },
    "reading.corrected": {
        "fi": "luin ”{written}” sanana ”{read}”",
        "sv": "läste ”{written}” som ”{read}”",
        "en": "read “{written}” as “{read}”",
    },
    "reading.follow_up": {
        "fi": "jatkokysymys",
        "sv": "följdfråga",
        "en": "follow-up",
    },
    "measures.none": {
        "fi": "Ehdot täyttäviä toimenpiteitä ei ole.",
        "sv": "Inga åtgärder uppfyller villkoren.",
        "en": "No measures match all of that.",
    },
    "measures.lead": {
        "fi": "päävastuu",
        "sv": "huvudansvar",
        "en": "lead",
    },
    "help.recognised": {
        "fi": "Ymmärsin kysymyksestä vain osan. Kokeile esimerkiksi:",
        "sv": "Jag förstod bara en del av frågan. Pröva till exempel:",
        "en": "I understood only part of the question. Try, for example:",
    },
    "suggest.owners": {
        "fi": "kuka vastaa toimenpiteestä 2.7?",
        "sv": "vem ansvarar för åtgärd 2.7?",
        "en": "who owns measure 2.7?",
    },
    "suggest.next_due": {
        "fi": "milloin 2.7 erääntyy?",
        "sv": "när förfaller 2.7?",
        "en": "when is 2.7 due?",
    },
    "suggest.status": {
        "fi": "mikä on toimenpiteen 2.7 tilanne?",
        "sv": "vad är läget för åtgärd 2.7?",
        "en": "what is the status of 2.7?",
    },
    "suggest.more": {
        "fi": "mitkä toimenpiteet ovat SM:n? (sitten: näytä lisää)",
        "sv": "vilka åtgärder har SM? (sedan: visa fler)",
        "en": "which measures does SM own? (then: more)",
    },
    "help.title": {
        "fi": "Kysy toimenpideohjelmasta, esimerkiksi:",
        "sv": "Fråga om åtgärdsprogrammet, till exempel:",
        "en": "Ask about the action programme, for example:",
    },
    "help.unclear": {
        "fi": "En ymmärtänyt kysymystä.",
        "sv": "Jag förstod inte frågan.",
        "en": "I did not understand the question.",
    },
    "help.empty": {
        "fi": "Kysymys jäi tyhjäksi.",
        "sv": "Frågan var tom.",
        "en": "The question was empty.",
    },
    "help.too_long": {
        "fi": "Kysymys on liian pitkä (enintään {limit} merkkiä).",
        "sv": "Frågan är för lång (högst {limit} tecken).",
        "en": "The question is too long (at most {limit} characters).",
    },
    "help.no_programme": {
        "fi": "Ohjelmaa ei ole vielä tuotu. Aja: seuranta import",
        "sv": "Inget program har importerats ännu. Kör: seuranta import",
        "en": "No programme has been imported yet. Run: seuranta import",
    },
    "more": {
        "fi": "… ja {count} muuta",
        "sv": "… och {count} till",
        "en": "… and {count} more",
    },
}
HELP_EXAMPLES: dict[str, tuple[str, ...]] = {
    "fi": (
        "kuka vastaa 2.7:stä?",
        "toimenpide 4.3b",
        "mistä SUPO vastaa?",
        "etsi hybridiuhat",
        "mitä erääntyy syksyllä 2018?",
        "myöhässä",
        "2.7 tilanne",
    ),
    "sv": (
        "vem ansvarar för 2.7?",
        "åtgärd 4.3b",
        "vad ansvarar Tullen för?",
        "sök terrorism",
        "vad förfaller hösten 2018?",
        "försenade",
        "läget för 2.7",
    ),
    "en": (
        "who owns 2.7?",
        "show 4.3b",
        "what does SUPO own?",
        "search cybercrime",
        "what is due in 12/2018?",
        "overdue",
        "due in the next 30 days",
        "status of 2.7",
    ),
}
