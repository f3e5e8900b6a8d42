"""Every sentence the bot says, in Finnish, Swedish and English.

Renderers ask for a message by key; a missing translation falls back to English, then Finnish,
so a new message never shows a key to a user.
"""

from __future__ import annotations

from datetime import date
from typing import Any

_MESSAGES: dict[str, dict[str, str]] = {
    "owners.title": {
        "fi": "Toimenpiteen {number} vastuutahot",
        "sv": "Ansvariga för åtgärd {number}",
        "en": "Owners of measure {number}",
    },
    "owners.lead": {"fi": "Päävastuutaho", "sv": "Huvudansvarig", "en": "Lead"},
    "owners.others": {"fi": "Muut vastuutahot", "sv": "Övriga ansvariga", "en": "Other owners"},
    "owners.none": {"fi": "ei nimetty", "sv": "inte angivet", "en": "none named"},
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
    "measure.theme": {"fi": "Teema {theme}", "sv": "Tema {theme}", "en": "Theme {theme}"},
    "measure.parts": {"fi": "Osat", "sv": "Delar", "en": "Parts"},
    "measure.actions": {"fi": "Toimeenpano", "sv": "Genomförande", "en": "Implementation"},
    "measure.milestones": {"fi": "Aikataulu", "sv": "Tidtabell", "en": "Schedule"},
    "measure.status": {"fi": "Viimeisin tilanne", "sv": "Senaste läge", "en": "Latest status"},
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
    "org.lead": {"fi": "Päävastuussa", "sv": "Huvudansvarig för", "en": "Leads"},
    "org.shared": {"fi": "Mukana vastuutahona", "sv": "Medansvarig för", "en": "Shares"},
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
    "search.matched": {"fi": "osumat", "sv": "träffar", "en": "matched"},
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
        "fi": "{count} määräaikaa",
        "sv": "{count} tidsfrister",
        "en": "{count} milestones",
    },
    "status.title": {
        "fi": "Toimenpiteen {number} tilanne",
        "sv": "Läget för åtgärd {number}",
        "en": "Status of measure {number}",
    },
    "status.history": {"fi": "Aiemmin", "sv": "Tidigare", "en": "Earlier"},
    "status.by": {"fi": "{who}, {when}", "sv": "{who}, {when}", "en": "{who}, {when}"},
    "nosuch.title": {
        "fi": "Toimenpidettä {requested} ei ole ohjelmassa.",
        "sv": "Åtgärd {requested} finns inte i programmet.",
        "en": "There is no measure {requested} in the programme.",
    },
    "nosuch.nearest": {"fi": "Lähimmät", "sv": "Närmaste", "en": "Nearest"},
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
    # Reports: the follow-up table, the status page and the charts (reports/).
    "report.heading": {
        "fi": "Seurantataulukko",
        "sv": "Uppföljningstabell",
        "en": "Follow-up table",
    },
    "report.sheet": {"fi": "Seuranta", "sv": "Uppföljning", "en": "Follow-up"},
    "report.caption": {
        "fi": "Toimenpiteiden tilanne {today}",
        "sv": "Läget för åtgärderna {today}",
        "en": "Status of the measures on {today}",
    },
    "report.col.number": {"fi": "Nro", "sv": "Nr", "en": "No."},
    "report.col.measure": {"fi": "Toimenpide", "sv": "Åtgärd", "en": "Measure"},
    "report.col.implementation": {
        "fi": "Toimeenpano",
        "sv": "Genomförande",
        "en": "Implementation",
    },
    "report.col.owners": {"fi": "Vastuutaho", "sv": "Ansvarig", "en": "Responsible"},
    "report.col.schedule": {"fi": "Aikataulut", "sv": "Tidtabell", "en": "Schedule"},
    "report.col.state": {"fi": "Tila", "sv": "Läge", "en": "Status"},
    "report.col.note": {"fi": "Tilannetieto", "sv": "Lägesbeskrivning", "en": "Status note"},
    "report.col.reporter": {"fi": "Raportoija", "sv": "Rapporterad av", "en": "Reported by"},
    "report.col.reported": {"fi": "Raportoitu", "sv": "Rapporterad", "en": "Reported on"},
    "report.col.overdue": {
        "fi": "Myöhässä olevia määräaikoja",
        "sv": "Försenade tidsfrister",
        "en": "Overdue milestones",
    },
    "report.overdue": {"fi": "MYÖHÄSSÄ", "sv": "FÖRSENAD", "en": "OVERDUE"},
    "page.title": {
        "fi": "Toimenpideohjelman tilanne",
        "sv": "Åtgärdsprogrammets läge",
        "en": "Action programme status",
    },
    "page.skip": {"fi": "Siirry sisältöön", "sv": "Hoppa till innehållet", "en": "Skip to content"},
    "page.language": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "page.filters": {
        "fi": "Rajaa toimenpiteitä",
        "sv": "Filtrera åtgärder",
        "en": "Filter measures",
    },
    "page.organisation": {"fi": "Vastuutaho", "sv": "Ansvarig", "en": "Organisation"},
    "page.theme": {"fi": "Teema", "sv": "Tema", "en": "Theme"},
    "page.state": {"fi": "Tila", "sv": "Läge", "en": "Status"},
    "page.any": {"fi": "Kaikki", "sv": "Alla", "en": "All"},
    "page.search": {"fi": "Hakusanat", "sv": "Sökord", "en": "Search words"},
    "page.apply": {"fi": "Näytä", "sv": "Visa", "en": "Show"},
    "page.clear": {"fi": "Poista rajaukset", "sv": "Ta bort filtren", "en": "Clear filters"},
    "page.shown": {
        "fi": "Näytetään {shown}/{total} toimenpidettä.",
        "sv": "Visar {shown} av {total} åtgärder.",
        "en": "Showing {shown} of {total} measures.",
    },
    "page.none": {
        "fi": "Rajauksia vastaavia toimenpiteitä ei ole.",
        "sv": "Inga åtgärder motsvarar filtren.",
        "en": "No measures match the filters.",
    },
    "page.summary": {"fi": "Tilanne teemoittain", "sv": "Läget per tema", "en": "Status by theme"},
    "page.total": {"fi": "Yhteensä", "sv": "Totalt", "en": "Total"},
    "page.overdue_count": {
        "fi": "{count} myöhässä olevaa määräaikaa",
        "sv": "{count} försenade tidsfrister",
        "en": "{count} overdue milestones",
    },
    "page.charts": {"fi": "Kaaviot", "sv": "Diagram", "en": "Charts"},
    "page.chart_status_alt": {
        "fi": "Pylväskaavio toimenpiteiden tilasta teemoittain. Luvut ovat taulukossa yllä.",
        "sv": "Stapeldiagram över åtgärdernas läge per tema. Siffrorna finns i tabellen ovan.",
        "en": "Bar chart of the measures' status by theme. The figures are in the table above.",
    },
    "page.chart_timeline_alt": {
        "fi": "Aikajana määräajoista teemoittain ja tämän päivän viiva. "
        "Määräajat on lueteltu kunkin toimenpiteen sivulla.",
        "sv": "Tidslinje över tidsfristerna per tema med dagens linje. "
        "Tidsfristerna listas på varje åtgärds sida.",
        "en": "Timeline of the deadlines by theme with a line for today. "
        "Each measure's page lists its deadlines.",
    },
    "page.next": {"fi": "Seuraava määräaika", "sv": "Nästa tidsfrist", "en": "Next deadline"},
    "page.back": {"fi": "Kaikki toimenpiteet", "sv": "Alla åtgärder", "en": "All measures"},
    "page.timeline": {"fi": "Aikajana", "sv": "Tidslinje", "en": "Timeline"},
    "page.no_dates": {
        "fi": "Ei päivättyjä määräaikoja.",
        "sv": "Inga daterade tidsfrister.",
        "en": "No dated milestones.",
    },
    "page.undated": {"fi": "Päiväämättömät", "sv": "Odaterade", "en": "Undated"},
    "page.history": {"fi": "Tilannehistoria", "sv": "Lägeshistorik", "en": "Status history"},
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
    "page.as_of": {"fi": "Tilanne {today}", "sv": "Läget {today}", "en": "As of {today}"},
    "chart.status_title": {
        "fi": "Toimenpiteiden tila teemoittain",
        "sv": "Åtgärdernas läge per tema",
        "en": "Measures by status and theme",
    },
    "chart.measures": {"fi": "Toimenpiteitä", "sv": "Åtgärder", "en": "Measures"},
    "chart.timeline_title": {
        "fi": "Määräajat teemoittain",
        "sv": "Tidsfrister per tema",
        "en": "Deadlines by theme",
    },
    "chart.due": {"fi": "määräaika", "sv": "tidsfrist", "en": "deadline"},
    "chart.response_title": {
        "fi": "Vastausaste kierroksittain",
        "sv": "Svarsfrekvens per omgång",
        "en": "Response rate by round",
    },
    "chart.response_axis": {"fi": "Vastanneita (%)", "sv": "Svarat (%)", "en": "Responded (%)"},
    "more": {"fi": "… ja {count} muuta", "sv": "… och {count} till", "en": "… and {count} more"},
    # Slack: answers, sharing and errors
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
    "slack.share": {"fi": "Jaa kanavalle", "sv": "Dela i kanalen", "en": "Share in channel"},
    "slack.shared_by": {
        "fi": "{user} kysyi: {question}",
        "sv": "{user} frågade: {question}",
        "en": "{user} asked: {question}",
    },
    "slack.error": {
        "fi": "Jotain meni pieleen, eikä kysymykseen saatu vastausta. Yritä hetken päästä "
        "uudelleen. (Viite {ref})",
        "sv": "Något gick fel och frågan blev obesvarad. Försök igen om en stund. (Referens {ref})",
        "en": "Something went wrong and the question was not answered. Please try again in a "
        "moment. (Reference {ref})",
    },
    # Slack: the people directory
    "slack.iam.done": {
        "fi": "Selvä: edustat tahoa {org}. Kotinäkymässä näet nyt sen toimenpiteet.",
        "sv": "Noterat: du representerar {org}. Hemfliken visar nu dess åtgärder.",
        "en": "Noted: you represent {org}. The Home tab now shows its measures.",
    },
    "slack.pause.usage": {
        "fi": "Tauko muistutuksiin: `/seuranta pause until 2027-01-07`",
        "sv": "Paus i påminnelserna: `/seuranta pause until 2027-01-07`",
        "en": "Pause your reminders: `/seuranta pause until 2027-01-07`",
    },
    "slack.pause.done": {
        "fi": "Et saa muistutuksia ennen {until}.",
        "sv": "Du får inga påminnelser före {until}.",
        "en": "You will get no reminders before {until}.",
    },
    "slack.pause.past": {
        "fi": "{until} on jo mennyt; anna tuleva päivä.",
        "sv": "{until} har redan varit; ange en kommande dag.",
        "en": "{until} has already passed; give a day in the future.",
    },
    "slack.report.usage": {
        "fi": "Raportti: `/seuranta report` tai `/seuranta report sv`",
        "sv": "Rapport: `/seuranta report` eller `/seuranta report fi`",
        "en": "Report: `/seuranta report`, or `/seuranta report fi` for another language",
    },
    "slack.report.help": {
        "fi": "Seurantataulukko (xlsx) ja tilannekaavio tälle kanavalle: `/seuranta report` "
        "(ruotsiksi `/seuranta report sv`)",
        "sv": "Uppföljningstabellen (xlsx) och lägesdiagrammet till den här kanalen: "
        "`/seuranta report` (på finska `/seuranta report fi`)",
        "en": "The follow-up table (xlsx) and the status chart in this channel: "
        "`/seuranta report` (in Finnish `/seuranta report fi`)",
    },
    "slack.commands.help": {
        "fi": 'Tilanne: `/seuranta status 2.7 at-risk "huomautus"` · määräajat: '
        "`/seuranta deadline 2.7` · kierrokset: `/seuranta rounds` · tauko muistutuksiin: "
        "`/seuranta pause until 7.1.2027`",
        "sv": 'Läge: `/seuranta status 2.7 at-risk "kommentar"` · tidsfrister: '
        "`/seuranta deadline 2.7` · omgångar: `/seuranta rounds` · paus i påminnelserna: "
        "`/seuranta pause until 7.1.2027`",
        "en": 'Status: `/seuranta status 2.7 at-risk "note"` · deadlines: '
        "`/seuranta deadline 2.7` · rounds: `/seuranta rounds` · pause reminders: "
        "`/seuranta pause until 7.1.2027`",
    },
    "slack.report.preparing": {
        "fi": "Kokoan raporttia (seurantataulukko ja tilannekaavio)…",
        "sv": "Jag sammanställer rapporten (uppföljningstabell och lägesdiagram)…",
        "en": "Preparing the report (follow-up table and status chart)…",
    },
    "slack.report.comment": {
        "fi": "Toimenpideohjelman seurantataulukko ja tilanne teemoittain",
        "sv": "Åtgärdsprogrammets uppföljningstabell och läget per tema",
        "en": "The action programme's follow-up table and status by theme",
    },
    "slack.report.table": {
        "fi": "Seurantataulukko",
        "sv": "Uppföljningstabell",
        "en": "Follow-up table",
    },
    "slack.report.chart": {
        "fi": "Tilanne teemoittain",
        "sv": "Läget per tema",
        "en": "Status by theme",
    },
    "slack.report.posted": {
        "fi": "Raportti on lähetetty tälle kanavalle.",
        "sv": "Rapporten har skickats till den här kanalen.",
        "en": "The report is posted in this channel.",
    },
    "slack.report.sent_to_dm": {
        "fi": "En pääse tälle kanavalle, joten lähetin raportin sinulle yksityisviestinä.",
        "sv": "Jag kommer inte åt kanalen, så jag skickade rapporten som direktmeddelande.",
        "en": "I cannot post in this channel, so I sent the report to you as a direct message.",
    },
    "slack.report.failed": {
        "fi": "Raportin lähettäminen epäonnistui. Yritä hetken päästä uudelleen.",
        "sv": "Det gick inte att skicka rapporten. Försök igen om en stund.",
        "en": "Sending the report failed. Please try again in a moment.",
    },
    "slack.iam.usage": {
        "fi": "Kerro, ketä edustat: `/seuranta iam SUPO`",
        "sv": "Berätta vem du representerar: `/seuranta iam SUPO`",
        "en": "Say whom you represent: `/seuranta iam SUPO`",
    },
    "slack.org.unknown": {
        "fi": "”{text}” ei ole ohjelman vastuutaho. Käytä lyhennettä, esim. SUPO.",
        "sv": "”{text}” är ingen ansvarig i programmet. Använd förkortningen, t.ex. SUPO.",
        "en": "“{text}” is not an organisation of the programme. Use its key, e.g. SUPO.",
    },
    "slack.org.ambiguous": {
        "fi": "”{text}” voi tarkoittaa useaa tahoa ({keys}). Käytä lyhennettä.",
        "sv": "”{text}” kan avse flera ({keys}). Använd förkortningen.",
        "en": "“{text}” could mean several organisations ({keys}). Use one of the keys.",
    },
    "slack.admins_command": {
        "fi": "Vain Seurannan ylläpitäjät voivat tehdä tämän. Pyydä ylläpitäjää.",
        "sv": "Endast Seurantas administratörer kan göra detta. Be en administratör.",
        "en": "Only Seuranta's administrators can do this. Please ask an administrator.",
    },
    "slack.admin_only": {
        "fi": "Vain Seurannan ylläpitäjät voivat muuttaa yhteyshenkilöitä, jotta muistutukset "
        "menevät oikeille ihmisille. Pyydä ylläpitäjää tekemään muutos.",
        "sv": "Endast Seurantas administratörer kan ändra kontaktpersoner, så att påminnelser når "
        "rätt personer. Be en administratör göra ändringen.",
        "en": "Only Seuranta's administrators can change contacts, so that reminders reach the "
        "right people. Please ask an administrator to make the change.",
    },
    "slack.contact.usage": {
        "fi": "Käyttö: `/seuranta contact add SUPO @henkilö` tai `/seuranta contact remove SUPO "
        "@henkilö`",
        "sv": "Användning: `/seuranta contact add SUPO @person` eller `/seuranta contact remove "
        "SUPO @person`",
        "en": "Usage: `/seuranta contact add SUPO @person` or `/seuranta contact remove SUPO "
        "@person`",
    },
    "slack.contact.added": {
        "fi": "{user} on nyt tahon {org} yhteyshenkilö.",
        "sv": "{user} är nu kontaktperson för {org}.",
        "en": "{user} is now a contact for {org}.",
    },
    "slack.contact.already": {
        "fi": "{user} on jo tahon {org} yhteyshenkilö.",
        "sv": "{user} är redan kontaktperson för {org}.",
        "en": "{user} already is a contact for {org}.",
    },
    "slack.contact.removed": {
        "fi": "{user} ei ole enää tahon {org} yhteyshenkilö.",
        "sv": "{user} är inte längre kontaktperson för {org}.",
        "en": "{user} is no longer a contact for {org}.",
    },
    "slack.contact.missing": {
        "fi": "{user} ei ollut tahon {org} yhteyshenkilö.",
        "sv": "{user} var inte kontaktperson för {org}.",
        "en": "{user} was not a contact for {org}.",
    },
    "slack.contacts.title": {
        "fi": "Yhteyshenkilöt",
        "sv": "Kontaktpersoner",
        "en": "Contacts",
    },
    "slack.contacts.none": {
        "fi": "Yhteyshenkilöitä ei ole vielä nimetty.",
        "sv": "Inga kontaktpersoner har angetts ännu.",
        "en": "No contacts have been named yet.",
    },
    # Slack: /seuranta deadline
    "slack.deadline.usage": {
        "fi": "Käyttö: `/seuranta deadline 2.7` (luettelo), `/seuranta deadline 2.7 2027-03-31 "
        "teksti` (lisää), `/seuranta deadline move #123 2027-04-30` (siirrä), "
        "`/seuranta deadline remove #123` (poista)",
        "sv": "Användning: `/seuranta deadline 2.7` (lista), `/seuranta deadline 2.7 2027-03-31 "
        "text` (lägg till), `/seuranta deadline move #123 2027-04-30` (flytta), "
        "`/seuranta deadline remove #123` (ta bort)",
        "en": "Usage: `/seuranta deadline 2.7` (list), `/seuranta deadline 2.7 2027-03-31 text` "
        "(add), `/seuranta deadline move #123 2027-04-30` (move), "
        "`/seuranta deadline remove #123` (remove)",
    },
    "slack.deadline.title": {
        "fi": "*Toimenpiteen {number} määräajat*",
        "sv": "*Tidsfrister för åtgärd {number}*",
        "en": "*Deadlines of measure {number}*",
    },
    "slack.deadline.added_by": {
        "fi": "lisännyt {who}",
        "sv": "tillagd av {who}",
        "en": "added by {who}",
    },
    "slack.deadline.how": {
        "fi": "Siirrä: `/seuranta deadline move #tunnus PÄIVÄ` · poista: "
        "`/seuranta deadline remove #tunnus`",
        "sv": "Flytta: `/seuranta deadline move #id DATUM` · ta bort: "
        "`/seuranta deadline remove #id`",
        "en": "Move one: `/seuranta deadline move #id DATE` · remove one: "
        "`/seuranta deadline remove #id`",
    },
    "slack.deadline.none": {
        "fi": "Toimenpiteellä {number} ei ole päivättyjä määräaikoja. Lisää: "
        "`/seuranta deadline {number} 2027-03-31 teksti`",
        "sv": "Åtgärd {number} har inga daterade tidsfrister. Lägg till: "
        "`/seuranta deadline {number} 2027-03-31 text`",
        "en": "Measure {number} has no dated deadlines. Add one: "
        "`/seuranta deadline {number} 2027-03-31 text`",
    },
    "slack.deadline.added": {
        "fi": "Määräaika `#{id}` lisätty toimenpiteelle {number}: {due} – {text}. "
        "Päävastuutahon yhteyshenkilöt saavat siitä muistutukset.",
        "sv": "Tidsfrist `#{id}` har lagts till för åtgärd {number}: {due} – {text}. "
        "Huvudansvarigas kontaktpersoner får påminnelser om den.",
        "en": "Deadline `#{id}` added to measure {number}: {due} – {text}. "
        "The lead organisation's contacts will be reminded of it.",
    },
    "slack.deadline.moved": {
        "fi": "Toimenpiteen {number} määräaika `#{id}` siirretty {previous} → {due}: {text}. "
        "Muistutukset tulevat uuden päivän mukaan.",
        "sv": "Tidsfrist `#{id}` för åtgärd {number} har flyttats {previous} → {due}: {text}. "
        "Påminnelserna följer det nya datumet.",
        "en": "Deadline `#{id}` of measure {number} moved from {previous} to {due}: {text}. "
        "Reminders follow the new date.",
    },
    "slack.deadline.removed": {
        "fi": "Toimenpiteen {number} määräaika `#{id}` ({due} – {text}) poistettu; "
        "siitä ei enää muistuteta.",
        "sv": "Tidsfrist `#{id}` för åtgärd {number} ({due} – {text}) har tagits bort; "
        "inga fler påminnelser om den.",
        "en": "Deadline `#{id}` of measure {number} ({due} – {text}) removed; "
        "no more reminders of it.",
    },
    "slack.deadline.refused": {
        "fi": "Et voi muuttaa toimenpiteen {number} määräaikoja: sen voivat tehdä vain "
        "toimenpiteen vastuutahojen yhteyshenkilöt ja ylläpitäjät.",
        "sv": "Du kan inte ändra tidsfristerna för åtgärd {number}: det kan bara "
        "kontaktpersonerna för de ansvariga och administratörerna.",
        "en": "You cannot change the deadlines of measure {number}: only the contacts of its "
        "responsible organisations and the admins can.",
    },
    "slack.deadline.past": {
        "fi": "{due} on jo mennyt; anna tämä päivä tai myöhempi.",
        "sv": "{due} har redan varit; ange i dag eller en senare dag.",
        "en": "{due} has already passed; give today or a later day.",
    },
    "slack.deadline.too_long": {
        "fi": "Määräajan teksti on {length} merkkiä pitkä; enintään {limit} mahtuu. Lyhennä sitä "
        "ja lähetä uudelleen – mitään ei tallennettu.",
        "sv": "Tidsfristens text är {length} tecken lång; högst {limit} ryms. Korta den och "
        "skicka igen – inget sparades.",
        "en": "The deadline's text is {length} characters long; at most {limit} fit. Please "
        "shorten it and send it again – nothing was saved.",
    },
    "slack.deadline.unknown": {
        "fi": "Määräaikaa #{id} ei löydy, tai se on jo poistettu. Tunnukset näet esim. "
        "komennolla `/seuranta deadline 2.7`.",
        "sv": "Det finns ingen tidsfrist #{id}, eller så har den redan tagits bort. Se "
        "numren med t.ex. `/seuranta deadline 2.7`.",
        "en": "There is no deadline #{id}, or it was removed already. See the ids with e.g. "
        "`/seuranta deadline 2.7`.",
    },
    # Slack: /seuranta failures (admins)
    "slack.failures.title": {
        "fi": "*Viestit, joita Slack ei toimittanut* ({count})",
        "sv": "*Meddelanden som Slack inte levererade* ({count})",
        "en": "*Messages Slack refused* ({count})",
    },
    "slack.failures.none": {
        "fi": "Ei toimitusvirheitä.",
        "sv": "Inga leveransfel.",
        "en": "No delivery failures.",
    },
    "slack.failures.hint.channel": {
        "fi": "kutsu botti kanavalle tai korjaa SEURANTA_COORDINATOR_CHANNEL",
        "sv": "bjud in boten till kanalen eller rätta SEURANTA_COORDINATOR_CHANNEL",
        "en": "invite the bot to the channel or fix SEURANTA_COORDINATOR_CHANNEL",
    },
    "slack.failures.hint.person": {
        "fi": "yhteyshenkilö on lähtenyt: vaihda organisaation yhteyshenkilö komennolla "
        "`/seuranta contact`",
        "sv": "kontaktpersonen har slutat: byt organisationens kontaktperson med "
        "`/seuranta contact`",
        "en": "the contact has left: change the organisation's contact with `/seuranta contact`",
    },
    "slack.failures.hint.token": {
        "fi": "botin tunniste tai oikeudet eivät kelpaa: asenna sovellus työtilaan uudelleen",
        "sv": "appens token eller behörigheter duger inte: installera om appen i arbetsytan",
        "en": "the bot's token or permissions are not valid: reinstall the app in the workspace",
    },
    "slack.failures.hint.message": {
        "fi": "Slack hylkäsi itse viestin: ilmoita kehittäjille",
        "sv": "Slack avvisade själva meddelandet: meddela utvecklarna",
        "en": "Slack rejected the message itself: tell the developers",
    },
    "slack.failures.hint.gave_up": {
        "fi": "Slack ei vastannut toistuvasti; katso status.slack.com",
        "sv": "Slack svarade inte upprepade gånger; se status.slack.com",
        "en": "Slack failed again and again; see status.slack.com",
    },
    "slack.failures.hint.other": {
        "fi": "katso koodin selitys Slackin chat.postMessage-ohjeesta",
        "sv": "se koden i Slacks dokumentation för chat.postMessage",
        "en": "see the code in Slack's chat.postMessage documentation",
    },
    "slack.failures.kind.deadline": {
        "fi": "määräaikamuistutus",
        "sv": "påminnelse om tidsfrist",
        "en": "deadline reminder",
    },
    "slack.failures.kind.bundle": {
        "fi": "koottu muistutus",
        "sv": "samlad påminnelse",
        "en": "combined reminder",
    },
    "slack.failures.kind.missed": {
        "fi": "viesti väliin jääneistä muistutuksista",
        "sv": "meddelande om missade påminnelser",
        "en": "“you missed these” message",
    },
    "slack.failures.kind.no_contact": {
        "fi": "pyyntö nimetä yhteyshenkilö",
        "sv": "begäran om kontaktperson",
        "en": "request to name a contact",
    },
    "slack.failures.kind.round_ask": {
        "fi": "raportointikierroksen kysely",
        "sv": "rapporteringsomgångens förfrågan",
        "en": "reporting round request",
    },
    "slack.failures.kind.nudge": {
        "fi": "kierroksen muistutus",
        "sv": "påminnelse i omgången",
        "en": "reporting round nudge",
    },
    "slack.failures.kind.round_no_contact": {
        "fi": "kierroksen tahot ilman yhteyshenkilöä",
        "sv": "omgångens organisationer utan kontaktperson",
        "en": "round's organisations without a contact",
    },
    "slack.failures.kind.round_missing": {
        "fi": "kierroksen puuttuvat vastaukset",
        "sv": "omgångens saknade svar",
        "en": "round's missing answers",
    },
    "slack.failures.kind.digest": {
        "fi": "viikkokooste",
        "sv": "veckosammandrag",
        "en": "weekly digest",
    },
    "slack.slow_down": {
        "fi": "Kysymyksiä tulee nopeammin kuin ehdin vastata (enintään {limit} minuutissa). "
        "Odota hetki ja kysy sitten uudelleen.",
        "sv": "Frågorna kommer snabbare än jag hinner svara (högst {limit} i minuten). "
        "Vänta en stund och fråga sedan igen.",
        "en": "Questions are coming faster than I can answer (at most {limit} a minute). "
        "Please wait a moment, then ask again.",
    },
    # Slack: the App Home tab
    "home.title": {"fi": "Seuranta", "sv": "Seuranta", "en": "Seuranta"},
    "home.mine": {
        "fi": "Organisaatiosi {org} toimenpiteet",
        "sv": "Åtgärder för din organisation {org}",
        "en": "Your organisation's measures: {org}",
    },
    "home.no_org": {
        "fi": "Et ole vielä kertonut, ketä edustat. Kirjoita esim. `/seuranta iam SUPO`, niin "
        "näet täällä organisaatiosi toimenpiteet.",
        "sv": "Du har inte angett vem du representerar. Skriv t.ex. `/seuranta iam SUPO` så "
        "visas din organisations åtgärder här.",
        "en": "You have not said whom you represent yet. Type e.g. `/seuranta iam SUPO` to see "
        "your organisation's measures here.",
    },
    "home.next": {"fi": "Seuraavaksi", "sv": "Härnäst", "en": "Next"},
    "home.no_next": {
        "fi": "ei tulevia määräaikoja",
        "sv": "inga kommande tidsfrister",
        "en": "no upcoming deadline",
    },
    "home.how": {
        "fi": "Kysy kirjoittamalla `/seuranta` ja kysymys, mainitsemalla minut kanavalla tai "
        "yksityisviestillä. Esimerkkejä:",
        "sv": "Fråga med `/seuranta` och frågan, genom att nämna mig i en kanal eller i ett "
        "direktmeddelande. Exempel:",
        "en": "Ask with `/seuranta` and your question, by mentioning me in a channel, or in a "
        "direct message. For example:",
    },
    # Reminders, status replies, rounds and the digest (jobs/, bot/slack status listeners).
    "remind.in_days": {
        "fi": "Määräaikaan on {days} päivää",
        "sv": "{days} dagar kvar till tidsfristen",
        "en": "{days} days to the deadline",
    },
    "remind.today": {
        "fi": "Määräaika on tänään",
        "sv": "Tidsfristen är i dag",
        "en": "The deadline is today",
    },
    "remind.deadline": {
        "fi": "*{number}* {title}\nMääräaika {due}: {text}",
        "sv": "*{number}* {title}\nTidsfrist {due}: {text}",
        "en": "*{number}* {title}\nDue {due}: {text}",
    },
    "remind.bundle": {
        "fi": "{count} määräaikaa lähestyy",
        "sv": "{count} tidsfrister närmar sig",
        "en": "{count} deadlines coming up",
    },
    "remind.ask": {
        "fi": "Miten toimenpide etenee? Valitse tilanne tai lisää huomautus.",
        "sv": "Hur går åtgärden framåt? Välj läge eller lägg till en kommentar.",
        "en": "How is the measure going? Pick a status or add a note.",
    },
    "remind.no_contact": {
        "fi": "Toimenpiteen {number} määräaika {due} lähestyy, mutta taholle {org} ei ole "
        "nimetty yhteyshenkilöä. Nimetkää yksi: `/seuranta contact add {org} @henkilö`",
        "sv": "Tidsfristen {due} för åtgärd {number} närmar sig, men {org} har ingen "
        "kontaktperson. Utse en: `/seuranta contact add {org} @person`",
        "en": "Measure {number} is due {due}, but {org} has no contact person. "
        "Please name one: `/seuranta contact add {org} @person`",
    },
    "remind.missed": {
        "fi": "Seuranta oli poissa käytöstä, eikä näitä muistutuksia lähetetty ajallaan:",
        "sv": "Seuranta var ur bruk och skickade inte dessa påminnelser i tid:",
        "en": "Seuranta was down and did not send these reminders on time:",
    },
    "remind.missed_line": {
        "fi": "• {number}: {text} (määräaika {due})",
        "sv": "• {number}: {text} (tidsfrist {due})",
        "en": "• {number}: {text} (due {due})",
    },
    "home.round": {
        "fi": "📋 *Raportointikierros #{id}* (määräpäivä {due}): kerro vielä tilanne: {numbers}. "
        "Käytä kierrosviestin valikoita tai `/seuranta status NUMERO TILA`.",
        "sv": "📋 *Rapporteringsomgång #{id}* (senast {due}): läget saknas ännu för {numbers}. "
        "Använd menyerna i omgångens meddelande eller `/seuranta status NUMMER LÄGE`.",
        "en": "📋 *Reporting round #{id}* (due {due}): still waiting for your status of "
        "{numbers}. Use the menus in the round's message or `/seuranta status NUMBER STATE`.",
    },
    "home.failures": {
        "fi": "⚠️ Toimittamatta jääneitä viestejä: {count}. Katso `/seuranta failures`.",
        "sv": "⚠️ Meddelanden som inte kunde levereras: {count}. Se `/seuranta failures`.",
        "en": "⚠️ Messages that could not be delivered: {count}. See `/seuranta failures`.",
    },
    "round.ask": {
        "fi": "📋 *Raportointikierros #{id}*: kerro toimenpiteidesi tilanne {due} mennessä.",
        "sv": "📋 *Rapporteringsomgång #{id}*: ange läget för dina åtgärder senast {due}.",
        "en": "📋 *Reporting round #{id}*: please give the status of your measures by {due}.",
    },
    "round.nudge": {
        "fi": "🔔 *Raportointikierros #{id}*: {count} toimenpiteesi tilanne puuttuu vielä "
        "(määräpäivä {due}).",
        "sv": "🔔 *Rapporteringsomgång #{id}*: läget saknas ännu för {count} av dina åtgärder "
        "(senast {due}).",
        "en": "🔔 *Reporting round #{id}*: {count} of your measures still need a status "
        "(due {due}).",
    },
    "round.how": {
        "fi": "Valitse tilanne kunkin toimenpiteen vierestä tai vastaa tähän ketjuun "
        "toimenpiteen numerolla alkaen, esim. _2.7 etenee aikataulussa_.",
        "sv": "Välj läget bredvid varje åtgärd eller svara i den här tråden och börja med "
        "åtgärdens nummer, t.ex. _2.7 går enligt plan_.",
        "en": "Pick a status next to each measure, or reply in this thread starting with the "
        "measure's number, e.g. _2.7 going to plan_.",
    },
    "round.pick": {"fi": "Valitse tilanne", "sv": "Välj läge", "en": "Choose status"},
    "round.note_option": {
        "fi": "Lisää huomautus…",
        "sv": "Lägg till kommentar…",
        "en": "Add a note…",
    },
    "round.unanswered": {
        "fi": "ei vielä vastausta",
        "sv": "inget svar ännu",
        "en": "no answer yet",
    },
    "round.more": {
        "fi": "…ja {count} muuta. Raportoi ne: `/seuranta status NUMERO TILA`",
        "sv": "…och {count} till. Rapportera dem: `/seuranta status NUMMER LÄGE`",
        "en": "…and {count} more. Report them with `/seuranta status NUMBER STATE`",
    },
    "round.no_contact": {
        "fi": "Raportointikierros #{id} (määräpäivä {due}): näillä päävastuutahoilla ei ole "
        "yhteyshenkilöä, joten kukaan ei saa kyselyä niiden puolesta. Nimetkää yhteyshenkilö: "
        "`/seuranta contact add TAHO @henkilö`",
        "sv": "Rapporteringsomgång #{id} (senast {due}): dessa huvudansvariga har ingen "
        "kontaktperson, så ingen får frågan för dem. Utse en: "
        "`/seuranta contact add ORGANISATION @person`",
        "en": "Reporting round #{id} (due {due}): these lead organisations have no contact "
        "person, so nobody is asked on their behalf. Please name one: "
        "`/seuranta contact add ORGANISATION @person`",
    },
    "round.org_line": {
        "fi": "• {org}: {numbers}",
        "sv": "• {org}: {numbers}",
        "en": "• {org}: {numbers}",
    },
    "round.missing": {
        "fi": "Raportointikierroksen #{id} määräpäivä {due} meni: {answered}/{total} "
        "toimenpiteen tilanne saatu. Puuttuvat:",
        "sv": "Rapporteringsomgång #{id} hade tidsfrist {due}: läget för {answered}/{total} "
        "åtgärder har kommit in. Saknas:",
        "en": "Reporting round #{id} was due {due}: {answered}/{total} measures have a status. "
        "Still missing:",
    },
    "round.complete": {
        "fi": "Raportointikierros #{id} (määräpäivä {due}): kaikkien {total} toimenpiteen "
        "tilanne saatu. Kiitos!",
        "sv": "Rapporteringsomgång #{id} (senast {due}): läget för alla {total} åtgärder har "
        "kommit in. Tack!",
        "en": "Reporting round #{id} (due {due}): all {total} measures have a status. Thank you!",
    },
    "round.missing_line": {
        "fi": "• {org}: {numbers} — {people}",
        "sv": "• {org}: {numbers} — {people}",
        "en": "• {org}: {numbers} — {people}",
    },
    "round.no_lead": {
        "fi": "(päävastuutahoa ei nimetty)",
        "sv": "(ingen huvudansvarig angiven)",
        "en": "(no lead organisation named)",
    },
    "round.nobody": {"fi": "ei yhteyshenkilöä", "sv": "ingen kontaktperson", "en": "no contact"},
    "round.usage": {
        "fi": "Käyttö: `/seuranta round start --due 2027-01-15 [--measures 2.*]`, "
        "`/seuranta round report [#1]`, `/seuranta round close [#1]`, `/seuranta rounds`",
        "sv": "Användning: `/seuranta round start --due 2027-01-15 [--measures 2.*]`, "
        "`/seuranta round report [#1]`, `/seuranta round close [#1]`, `/seuranta rounds`",
        "en": "Usage: `/seuranta round start --due 2027-01-15 [--measures 2.*]`, "
        "`/seuranta round report [#1]`, `/seuranta round close [#1]`, `/seuranta rounds`",
    },
    "round.started": {
        "fi": "Raportointikierros #{id} aloitettu: {measures} toimenpidettä, kysely lähtee "
        "{people} henkilölle. Määräpäivä {due}; vastaamattomia muistutetaan {nudge} päivän "
        "välein.",
        "sv": "Rapporteringsomgång #{id} har startat: {measures} åtgärder, frågan går till "
        "{people} personer. Tidsfrist {due}; de som inte svarat påminns var {nudge}:e dag.",
        "en": "Reporting round #{id} started: {measures} measures, asking {people} people. "
        "Due {due}; those yet to answer are nudged every {nudge} days.",
    },
    "round.started_orphans": {
        "fi": "Ilman yhteyshenkilöä (kukaan ei saa kyselyä): {orgs}.",
        "sv": "Utan kontaktperson (ingen får frågan): {orgs}.",
        "en": "Without a contact person (nobody is asked): {orgs}.",
    },
    "round.none": {
        "fi": "Raportointikierroksia ei ole. Aloita: `/seuranta round start --due 2027-01-15`",
        "sv": "Det finns inga rapporteringsomgångar. Starta: "
        "`/seuranta round start --due 2027-01-15`",
        "en": "There are no reporting rounds. Start one: `/seuranta round start --due 2027-01-15`",
    },
    "round.unknown": {
        "fi": "Raportointikierrosta #{id} ei ole.",
        "sv": "Rapporteringsomgång #{id} finns inte.",
        "en": "There is no reporting round #{id}.",
    },
    "round.closed": {
        "fi": "Raportointikierros #{id} suljettu: muistutuksia ei enää lähetetä.",
        "sv": "Rapporteringsomgång #{id} är stängd: inga fler påminnelser skickas.",
        "en": "Reporting round #{id} closed: no more nudges are sent.",
    },
    "round.already_closed": {
        "fi": "Raportointikierros #{id} on jo suljettu.",
        "sv": "Rapporteringsomgång #{id} är redan stängd.",
        "en": "Reporting round #{id} is already closed.",
    },
    "round.invalid": {
        "fi": "Kierrosta ei voi aloittaa: {reason}.",
        "sv": "Omgången kan inte startas: {reason}.",
        "en": "The round cannot be started: {reason}.",
    },
    "round.report": {
        "fi": "*Raportointikierros #{id}* ({pattern}, määräpäivä {due}, {state}): "
        "{answered}/{total} toimenpidettä vastattu ({percent} %).",
        "sv": "*Rapporteringsomgång #{id}* ({pattern}, senast {due}, {state}): "
        "{answered}/{total} åtgärder besvarade ({percent} %).",
        "en": "*Reporting round #{id}* ({pattern}, due {due}, {state}): "
        "{answered}/{total} measures answered ({percent}%).",
    },
    "round.open": {"fi": "avoin", "sv": "öppen", "en": "open"},
    "round.closed_state": {"fi": "suljettu", "sv": "stängd", "en": "closed"},
    "round.report_states": {"fi": "Vastaukset", "sv": "Svar", "en": "Answers"},
    "round.report_missing": {"fi": "Vastaus puuttuu", "sv": "Svar saknas", "en": "Not answered"},
    "round.list_line": {
        "fi": "• #{id} {pattern}, määräpäivä {due}: {answered}/{total} vastattu ({state})",
        "sv": "• #{id} {pattern}, senast {due}: {answered}/{total} besvarade ({state})",
        "en": "• #{id} {pattern}, due {due}: {answered}/{total} answered ({state})",
    },
    "round.thread_which": {
        "fi": "Aloita vastaus toimenpiteen numerolla ({numbers}), niin tiedän mihin se kuuluu.",
        "sv": "Börja svaret med åtgärdens nummer ({numbers}) så vet jag vart det hör.",
        "en": "Start your reply with the measure's number ({numbers}) so I know where it belongs.",
    },
    "digest.title": {
        "fi": "📊 *Viikkokatsaus {date}*",
        "sv": "📊 *Veckoöversikt {date}*",
        "en": "📊 *Weekly digest {date}*",
    },
    "digest.upcoming": {
        "fi": "määräajat seuraavan kahden viikon aikana: {count}",
        "sv": "tidsfrister under de kommande två veckorna: {count}",
        "en": "due in the next two weeks: {count}",
    },
    "digest.overdue": {
        "fi": "ohitetut määräajat, toimenpide ei valmis: {count}",
        "sv": "passerade tidsfrister, åtgärden inte klar: {count}",
        "en": "overdue and not done: {count}",
    },
    "digest.changes": {
        "fi": "tilannepäivitykset viikon aikana: {count}",
        "sv": "lägesuppdateringar under veckan: {count}",
        "en": "status updates this week: {count}",
    },
    "digest.round": {
        "fi": "Raportointikierros #{id} (määräpäivä {due}): {answered}/{total} vastattu, "
        "{people} henkilöltä puuttuu vastaus",
        "sv": "Rapporteringsomgång #{id} (senast {due}): {answered}/{total} besvarade, "
        "{people} personer har inte svarat",
        "en": "Reporting round #{id} (due {due}): {answered}/{total} answered, "
        "{people} people yet to answer",
    },
    "digest.failures": {
        "fi": "⚠️ toimittamatta jääneitä viestejä: {count} (katso `/seuranta failures`)",
        "sv": "⚠️ meddelanden som inte kunde levereras: {count} (se `/seuranta failures`)",
        "en": "⚠️ messages that could not be delivered: {count} (see `/seuranta failures`)",
    },
    "digest.details": {
        "fi": "Yksityiskohdat ketjussa.",
        "sv": "Detaljerna finns i tråden.",
        "en": "Details in the thread.",
    },
    "digest.upcoming_head": {
        "fi": "*Määräajat seuraavan kahden viikon aikana*",
        "sv": "*Tidsfrister under de kommande två veckorna*",
        "en": "*Due in the next two weeks*",
    },
    "digest.overdue_head": {
        "fi": "*Ohitetut määräajat (ei valmis)*",
        "sv": "*Passerade tidsfrister (inte klara)*",
        "en": "*Overdue, not done*",
    },
    "digest.changes_head": {
        "fi": "*Tilannepäivitykset viikon aikana*",
        "sv": "*Lägesuppdateringar under veckan*",
        "en": "*Status updates this week*",
    },
    "digest.round_head": {
        "fi": "*Raportointikierros #{id}: vastaus puuttuu*",
        "sv": "*Rapporteringsomgång #{id}: svar saknas*",
        "en": "*Reporting round #{id}: not answered*",
    },
    "status.note_button": {
        "fi": "Lisää huomautus",
        "sv": "Lägg till kommentar",
        "en": "Add a note",
    },
    "status.recorded": {
        "fi": "Kirjattu: *{state}* ({who}, {when})",
        "sv": "Registrerat: *{state}* ({who}, {when})",
        "en": "Recorded: *{state}* ({who}, {when})",
    },
    "status.recorded_for": {
        "fi": "Kirjattu toimenpiteelle {number}: *{state}* ({who}, {when})",
        "sv": "Registrerat för åtgärd {number}: *{state}* ({who}, {when})",
        "en": "Recorded for measure {number}: *{state}* ({who}, {when})",
    },
    "status.saved": {
        "fi": "Toimenpiteen {number} tilanne kirjattu: {state}.",
        "sv": "Läget för åtgärd {number} har registrerats: {state}.",
        "en": "Status of measure {number} recorded: {state}.",
    },
    "status.refused": {
        "fi": "Et voi raportoida toimenpiteen {number} tilannetta: sen voivat tehdä vain "
        "toimenpiteen vastuutahojen yhteyshenkilöt ja ylläpitäjät.",
        "sv": "Du kan inte rapportera läget för åtgärd {number}: det kan bara "
        "kontaktpersonerna för de ansvariga och administratörerna.",
        "en": "You cannot report the status of measure {number}: only the contacts of its "
        "responsible organisations and the admins can.",
    },
    "status.too_long": {
        "fi": "Huomautus on {length} merkkiä pitkä; enintään {limit} mahtuu. Lyhennä sitä ja "
        "lähetä uudelleen – mitään ei tallennettu.",
        "sv": "Kommentaren är {length} tecken lång; högst {limit} ryms. Korta den och skicka "
        "igen – inget sparades.",
        "en": "The note is {length} characters long; at most {limit} fit. Please shorten it and "
        "send it again – nothing was saved.",
    },
    "status.usage": {
        "fi": 'Käyttö: `/seuranta status 2.7 at-risk "huomautus"` '
        "(on-track, at-risk, delayed, done)",
        "sv": 'Användning: `/seuranta status 2.7 at-risk "kommentar"` '
        "(on-track, at-risk, delayed, done)",
        "en": 'Usage: `/seuranta status 2.7 at-risk "note"` (on-track, at-risk, delayed, done)',
    },
    "status.modal_title": {
        "fi": "Tilanne {number}",
        "sv": "Läget {number}",
        "en": "Status {number}",
    },
    "status.modal_state": {"fi": "Tilanne", "sv": "Läge", "en": "Status"},
    "status.modal_note": {"fi": "Huomautus", "sv": "Kommentar", "en": "Note"},
    "status.modal_save": {"fi": "Tallenna", "sv": "Spara", "en": "Save"},
    "status.thread_saved": {
        "fi": "Huomautus kirjattu toimenpiteelle {number}.",
        "sv": "Kommentaren har registrerats för åtgärd {number}.",
        "en": "Note recorded for measure {number}.",
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

STATES: dict[str, dict[str, str]] = {
    "on_track": {"fi": "Etenee suunnitellusti", "sv": "Enligt plan", "en": "On track"},
    "at_risk": {"fi": "Riski viivästyä", "sv": "Risk för försening", "en": "At risk"},
    "delayed": {"fi": "Viivästynyt", "sv": "Försenad", "en": "Delayed"},
    "done": {"fi": "Valmis", "sv": "Klar", "en": "Done"},
    "not_started": {"fi": "Ei aloitettu", "sv": "Inte påbörjad", "en": "Not started"},
    # Not a reportable state: the reports' bucket for measures nobody has reported on yet.
    "unreported": {"fi": "Ei raportoitu", "sv": "Inte rapporterad", "en": "Not reported"},
}

KINDS: dict[str, dict[str, str]] = {
    "date": {"fi": "päivä", "sv": "dag", "en": "date"},
    "month": {"fi": "kuukausi", "sv": "månad", "en": "month"},
    "season": {"fi": "vuodenaika", "sv": "årstid", "en": "season"},
    "year": {"fi": "vuosi", "sv": "år", "en": "year"},
    "range": {"fi": "aikaväli", "sv": "period", "en": "range"},
    "from": {"fi": "alkaen", "sv": "från", "en": "from"},
    "continuous": {"fi": "jatkuvaa", "sv": "fortlöpande", "en": "continuous"},
    "none": {"fi": "ei päivämäärää", "sv": "inget datum", "en": "no date"},
}


def message(key: str, lang: str, **values: Any) -> str:
    texts = _MESSAGES[key]
    template = texts.get(lang) or texts.get("en") or texts["fi"]
    return template.format(**values)


def state_label(state: str, lang: str) -> str:
    labels = STATES.get(state)
    return labels.get(lang, labels["en"]) if labels else state


def kind_label(kind: str, lang: str) -> str:
    labels = KINDS.get(kind)
    return labels.get(lang, labels["en"]) if labels else kind


def format_date(value: date, lang: str) -> str:
    """31.12.2018 in Finnish and Swedish use; ISO 2018-12-31 in English, which is unambiguous."""
    if lang == "en":
        return value.isoformat()
    return f"{value.day}.{value.month}.{value.year}"
