"""Replies to the subcommands (`{cmd} status …`, `deadline`, `contact`, …), any platform.

``{cmd}`` is how a subcommand is typed: ``/seuranta`` in Slack, nothing in a Teams chat.
Lines that only arrange values (``command.deadline.line``) read the same in every language.
"""

from __future__ import annotations

from seuranta.i18n.catalogue import Entry

MESSAGES: dict[str, Entry] = {
    "command.iam.done": {
        "fi": "Selvä: edustat tahoa {org}. Kotinäkymässä näet nyt sen toimenpiteet.",
        "sv": "Noterat: du representerar {org}. Hemfliken visar nu dess åtgärder.",
        "en": "Noted: you represent {org}. The Home tab now shows its measures.",
    },
    # Where there is no Home tab to point to (Teams).
    "command.iam.noted": {
        "fi": "Selvä: edustat tahoa {org}.",
        "sv": "Noterat: du representerar {org}.",
        "en": "Noted: you represent {org}.",
    },
    "command.pause.usage": {
        "fi": "Tauko muistutuksiin: `{cmd} pause until 2027-01-07`",
        "sv": "Paus i påminnelserna: `{cmd} pause until 2027-01-07`",
        "en": "Pause your reminders: `{cmd} pause until 2027-01-07`",
    },
    "command.pause.done": {
        "fi": "Et saa muistutuksia ennen {until}.",
        "sv": "Du får inga påminnelser före {until}.",
        "en": "You will get no reminders before {until}.",
    },
    "command.pause.past": {
        "fi": "{until} on jo mennyt; anna tuleva päivä.",
        "sv": "{until} har redan varit; ange en kommande dag.",
        "en": "{until} has already passed; give a day in the future.",
    },
    "command.report.usage": {
        "fi": "Raportti: `{cmd} report` tai `{cmd} report sv`",
        "sv": "Rapport: `{cmd} report` eller `{cmd} report fi`",
        "en": "Report: `{cmd} report`, or `{cmd} report fi` for another language",
    },
    "command.report.help": {
        "fi": (
            "Seurantataulukko (xlsx) ja tilannekaavio tälle kanavalle: `{cmd} report` "
            "(ruotsiksi `{cmd} report sv`)"
        ),
        "sv": (
            "Uppföljningstabellen (xlsx) och lägesdiagrammet till den här kanalen: `{cmd} "
            "report` (på finska `{cmd} report fi`)"
        ),
        "en": (
            "The follow-up table (xlsx) and the status chart in this channel: `{cmd} report` "
            "(in Finnish `{cmd} report fi`)"
        ),
    },
    "command.help": {
        "fi": (
            'Tilanne: `{cmd} status 2.7 at-risk "huomautus"` · määräajat: `{cmd} '
            "deadline 2.7` · kierrokset: `{cmd} rounds` · tauko muistutuksiin: `{cmd} "
            "pause until 7.1.2027`"
        ),
        "sv": (
            'Läge: `{cmd} status 2.7 at-risk "kommentar"` · tidsfrister: `{cmd} deadline '
            "2.7` · omgångar: `{cmd} rounds` · paus i påminnelserna: `{cmd} pause until "
            "7.1.2027`"
        ),
        "en": (
            'Status: `{cmd} status 2.7 at-risk "note"` · deadlines: `{cmd} deadline 2.7` '
            "· rounds: `{cmd} rounds` · pause reminders: `{cmd} pause until 7.1.2027`"
        ),
    },
    "command.report.preparing": {
        "fi": "Kokoan raporttia (seurantataulukko ja tilannekaavio)…",
        "sv": "Jag sammanställer rapporten (uppföljningstabell och lägesdiagram)…",
        "en": "Preparing the report (follow-up table and status chart)…",
    },
    "command.report.comment": {
        "fi": "Toimenpideohjelman seurantataulukko ja tilanne teemoittain",
        "sv": "Åtgärdsprogrammets uppföljningstabell och läget per tema",
        "en": "The action programme's follow-up table and status by theme",
    },
    "command.report.table": {
        "fi": "Seurantataulukko",
        "sv": "Uppföljningstabell",
        "en": "Follow-up table",
    },
    "command.report.chart": {
        "fi": "Tilanne teemoittain",
        "sv": "Läget per tema",
        "en": "Status by theme",
    },
    "command.report.posted": {
        "fi": "Raportti on lähetetty tälle kanavalle.",
        "sv": "Rapporten har skickats till den här kanalen.",
        "en": "The report is posted in this channel.",
    },
    "command.report.sent_to_dm": {
        "fi": "En pääse tälle kanavalle, joten lähetin raportin sinulle yksityisviestinä.",
        "sv": "Jag kommer inte åt kanalen, så jag skickade rapporten som direktmeddelande.",
        "en": "I cannot post in this channel, so I sent the report to you as a direct message.",
    },
    "command.report.failed": {
        "fi": "Raportin lähettäminen epäonnistui. Yritä hetken päästä uudelleen.",
        "sv": "Det gick inte att skicka rapporten. Försök igen om en stund.",
        "en": "Sending the report failed. Please try again in a moment.",
    },
    "command.iam.usage": {
        "fi": "Kerro, ketä edustat: `{cmd} iam SUPO`",
        "sv": "Berätta vem du representerar: `{cmd} iam SUPO`",
        "en": "Say whom you represent: `{cmd} iam SUPO`",
    },
    "command.org.unknown": {
        "fi": "”{text}” ei ole ohjelman vastuutaho. Käytä lyhennettä, esim. SUPO.",
        "sv": "”{text}” är ingen ansvarig i programmet. Använd förkortningen, t.ex. SUPO.",
        "en": "“{text}” is not an organisation of the programme. Use its key, e.g. SUPO.",
    },
    "command.org.ambiguous": {
        "fi": "”{text}” voi tarkoittaa useaa tahoa ({keys}). Käytä lyhennettä.",
        "sv": "”{text}” kan avse flera ({keys}). Använd förkortningen.",
        "en": "“{text}” could mean several organisations ({keys}). Use one of the keys.",
    },
    "command.admins_only": {
        "fi": "Vain Seurannan ylläpitäjät voivat tehdä tämän. Pyydä ylläpitäjää.",
        "sv": "Endast Seurantas administratörer kan göra detta. Be en administratör.",
        "en": "Only Seuranta's administrators can do this. Please ask an administrator.",
    },
    "command.contact.admin_only": {
        "fi": (
            "Vain Seurannan ylläpitäjät voivat muuttaa yhteyshenkilöitä, jotta muistutukset "
            "menevät oikeille ihmisille. Pyydä ylläpitäjää tekemään muutos."
        ),
        "sv": (
            "Endast Seurantas administratörer kan ändra kontaktpersoner, så att påminnelser når "
            "rätt personer. Be en administratör göra ändringen."
        ),
        "en": (
            "Only Seuranta's administrators can change contacts, so that reminders reach the "
            "right people. Please ask an administrator to make the change."
        ),
    },
    "command.contact.usage": {
        "fi": (
            "Käyttö: `{cmd} contact add SUPO @henkilö` tai `{cmd} contact remove SUPO @henkilö`"
        ),
        "sv": (
            "Användning: `{cmd} contact add SUPO @person` eller `{cmd} contact remove SUPO @person`"
        ),
        "en": ("Usage: `{cmd} contact add SUPO @person` or `{cmd} contact remove SUPO @person`"),
    },
    "command.contact.added": {
        "fi": "{user} on nyt tahon {org} yhteyshenkilö.",
        "sv": "{user} är nu kontaktperson för {org}.",
        "en": "{user} is now a contact for {org}.",
    },
    "command.contact.already": {
        "fi": "{user} on jo tahon {org} yhteyshenkilö.",
        "sv": "{user} är redan kontaktperson för {org}.",
        "en": "{user} already is a contact for {org}.",
    },
    "command.contact.removed": {
        "fi": "{user} ei ole enää tahon {org} yhteyshenkilö.",
        "sv": "{user} är inte längre kontaktperson för {org}.",
        "en": "{user} is no longer a contact for {org}.",
    },
    "command.contact.missing": {
        "fi": "{user} ei ollut tahon {org} yhteyshenkilö.",
        "sv": "{user} var inte kontaktperson för {org}.",
        "en": "{user} was not a contact for {org}.",
    },
    "command.contacts.title": {
        "fi": "Yhteyshenkilöt",
        "sv": "Kontaktpersoner",
        "en": "Contacts",
    },
    "command.contacts.line": {
        "fi": "*{org}*: {people}",
        "sv": "*{org}*: {people}",
        "en": "*{org}*: {people}",
    },
    "command.contacts.none": {
        "fi": "Yhteyshenkilöitä ei ole vielä nimetty.",
        "sv": "Inga kontaktpersoner har angetts ännu.",
        "en": "No contacts have been named yet.",
    },
    "command.deadline.usage": {
        "fi": (
            "Käyttö: `{cmd} deadline 2.7` (luettelo), `{cmd} deadline 2.7 2027-03-31 "
            "teksti` (lisää), `{cmd} deadline move #123 2027-04-30` (siirrä), `{cmd} "
            "deadline remove #123` (poista)"
        ),
        "sv": (
            "Användning: `{cmd} deadline 2.7` (lista), `{cmd} deadline 2.7 2027-03-31 "
            "text` (lägg till), `{cmd} deadline move #123 2027-04-30` (flytta), `{cmd} "
            "deadline remove #123` (ta bort)"
        ),
        "en": (
            "Usage: `{cmd} deadline 2.7` (list), `{cmd} deadline 2.7 2027-03-31 text` "
            "(add), `{cmd} deadline move #123 2027-04-30` (move), `{cmd} deadline remove "
            "#123` (remove)"
        ),
    },
    "command.deadline.title": {
        "fi": "*Toimenpiteen {number} määräajat*",
        "sv": "*Tidsfrister för åtgärd {number}*",
        "en": "*Deadlines of measure {number}*",
    },
    "command.deadline.line": {
        "fi": "`#{id}` {due} – {text}",
        "sv": "`#{id}` {due} – {text}",
        "en": "`#{id}` {due} – {text}",
    },
    "command.deadline.line_by": {
        "fi": "`#{id}` {due} – {text} ({by})",
        "sv": "`#{id}` {due} – {text} ({by})",
        "en": "`#{id}` {due} – {text} ({by})",
    },
    "command.deadline.added_by": {
        "fi": "lisännyt {who}",
        "sv": "tillagd av {who}",
        "en": "added by {who}",
    },
    "command.deadline.how": {
        "fi": (
            "Siirrä: `{cmd} deadline move #tunnus PÄIVÄ` · poista: `{cmd} deadline remove #tunnus`"
        ),
        "sv": ("Flytta: `{cmd} deadline move #id DATUM` · ta bort: `{cmd} deadline remove #id`"),
        "en": (
            "Move one: `{cmd} deadline move #id DATE` · remove one: `{cmd} deadline remove #id`"
        ),
    },
    "command.deadline.none": {
        "fi": (
            "Toimenpiteellä {number} ei ole päivättyjä määräaikoja. Lisää: `{cmd} deadline "
            "{number} 2027-03-31 teksti`"
        ),
        "sv": (
            "Åtgärd {number} har inga daterade tidsfrister. Lägg till: `{cmd} deadline "
            "{number} 2027-03-31 text`"
        ),
        "en": (
            "Measure {number} has no dated deadlines. Add one: `{cmd} deadline {number} "
            "2027-03-31 text`"
        ),
    },
    "command.deadline.added": {
        "fi": (
            "Määräaika `#{id}` lisätty toimenpiteelle {number}: {due} – {text}. Päävastuutahon "
            "yhteyshenkilöt saavat siitä muistutukset."
        ),
        "sv": (
            "Tidsfrist `#{id}` har lagts till för åtgärd {number}: {due} – {text}. "
            "Huvudansvarigas kontaktpersoner får påminnelser om den."
        ),
        "en": (
            "Deadline `#{id}` added to measure {number}: {due} – {text}. The lead organisation's "
            "contacts will be reminded of it."
        ),
    },
    "command.deadline.moved": {
        "fi": (
            "Toimenpiteen {number} määräaika `#{id}` siirretty {previous} → {due}: {text}. "
            "Muistutukset tulevat uuden päivän mukaan."
        ),
        "sv": (
            "Tidsfrist `#{id}` för åtgärd {number} har flyttats {previous} → {due}: {text}. "
            "Påminnelserna följer det nya datumet."
        ),
        "en": (
            "Deadline `#{id}` of measure {number} moved from {previous} to {due}: {text}. "
            "Reminders follow the new date."
        ),
    },
    "command.deadline.removed": {
        "fi": (
            "Toimenpiteen {number} määräaika `#{id}` ({due} – {text}) poistettu; siitä ei enää "
            "muistuteta."
        ),
        "sv": (
            "Tidsfrist `#{id}` för åtgärd {number} ({due} – {text}) har tagits bort; inga fler "
            "påminnelser om den."
        ),
        "en": (
            "Deadline `#{id}` of measure {number} ({due} – {text}) removed; no more reminders of "
            "it."
        ),
    },
    "command.deadline.refused": {
        "fi": (
            "Et voi muuttaa toimenpiteen {number} määräaikoja: sen voivat tehdä vain "
            "toimenpiteen vastuutahojen yhteyshenkilöt ja ylläpitäjät."
        ),
        "sv": (
            "Du kan inte ändra tidsfristerna för åtgärd {number}: det kan bara kontaktpersonerna "
            "för de ansvariga och administratörerna."
        ),
        "en": (
            "You cannot change the deadlines of measure {number}: only the contacts of its "
            "responsible organisations and the admins can."
        ),
    },
    "command.deadline.past": {
        "fi": "{due} on jo mennyt; anna tämä päivä tai myöhempi.",
        "sv": "{due} har redan varit; ange i dag eller en senare dag.",
        "en": "{due} has already passed; give today or a later day.",
    },
    "command.deadline.too_long": {
        "fi": (
            "Määräajan teksti on {length} merkkiä pitkä; enintään {limit} mahtuu. Lyhennä sitä "
            "ja lähetä uudelleen – mitään ei tallennettu."
        ),
        "sv": (
            "Tidsfristens text är {length} tecken lång; högst {limit} ryms. Korta den och skicka "
            "igen – inget sparades."
        ),
        "en": (
            "The deadline's text is {length} characters long; at most {limit} fit. Please "
            "shorten it and send it again – nothing was saved."
        ),
    },
    "command.deadline.unknown": {
        "fi": (
            "Määräaikaa #{id} ei löydy, tai se on jo poistettu. Tunnukset näet esim. komennolla "
            "`{cmd} deadline 2.7`."
        ),
        "sv": (
            "Det finns ingen tidsfrist #{id}, eller så har den redan tagits bort. Se numren med "
            "t.ex. `{cmd} deadline 2.7`."
        ),
        "en": (
            "There is no deadline #{id}, or it was removed already. See the ids with e.g. "
            "`{cmd} deadline 2.7`."
        ),
    },
    "command.failures.title": {
        "fi": "*Viestit, joita Slack ei toimittanut* ({count})",
        "sv": "*Meddelanden som Slack inte levererade* ({count})",
        "en": "*Messages Slack refused* ({count})",
    },
    "command.failures.none": {
        "fi": "Ei toimitusvirheitä.",
        "sv": "Inga leveransfel.",
        "en": "No delivery failures.",
    },
    "command.failures.line": {
        "fi": "{when} → {whom}: {what} — `{code}`: {fix}",
        "sv": "{when} → {whom}: {what} — `{code}`: {fix}",
        "en": "{when} → {whom}: {what} — `{code}`: {fix}",
    },
    "command.failures.more": {
        "fi": "{what} {more}",
        "sv": "{what} {more}",
        "en": "{what} {more}",
    },
    "command.failures.due": {
        "fi": "({due})",
        "sv": "({due})",
        "en": "({due})",
    },
    "command.failures.organisation": {
        "fi": "({org})",
        "sv": "({org})",
        "en": "({org})",
    },
    "command.failures.round": {
        "fi": "#{id}",
        "sv": "#{id}",
        "en": "#{id}",
    },
    "command.when": {
        "fi": "{day} {time}",
        "sv": "{day} {time}",
        "en": "{day} {time}",
    },
    "command.failures.hint.channel": {
        "fi": "kutsu botti kanavalle tai korjaa SEURANTA_COORDINATOR_CHANNEL",
        "sv": "bjud in boten till kanalen eller rätta SEURANTA_COORDINATOR_CHANNEL",
        "en": "invite the bot to the channel or fix SEURANTA_COORDINATOR_CHANNEL",
    },
    "command.failures.hint.person": {
        "fi": (
            "yhteyshenkilö on lähtenyt: vaihda organisaation yhteyshenkilö komennolla `{cmd} "
            "contact`"
        ),
        "sv": ("kontaktpersonen har slutat: byt organisationens kontaktperson med `{cmd} contact`"),
        "en": "the contact has left: change the organisation's contact with `{cmd} contact`",
    },
    "command.failures.hint.token": {
        "fi": "botin tunniste tai oikeudet eivät kelpaa: asenna sovellus työtilaan uudelleen",
        "sv": "appens token eller behörigheter duger inte: installera om appen i arbetsytan",
        "en": "the bot's token or permissions are not valid: reinstall the app in the workspace",
    },
    "command.failures.hint.message": {
        "fi": "Slack hylkäsi itse viestin: ilmoita kehittäjille",
        "sv": "Slack avvisade själva meddelandet: meddela utvecklarna",
        "en": "Slack rejected the message itself: tell the developers",
    },
    "command.failures.hint.gave_up": {
        "fi": "Slack ei vastannut toistuvasti; katso status.slack.com",
        "sv": "Slack svarade inte upprepade gånger; se status.slack.com",
        "en": "Slack failed again and again; see status.slack.com",
    },
    "command.failures.hint.other": {
        "fi": "katso koodin selitys Slackin chat.postMessage-ohjeesta",
        "sv": "se koden i Slacks dokumentation för chat.postMessage",
        "en": "see the code in Slack's chat.postMessage documentation",
    },
    "command.failures.hint.teams_removed_person": {
        "fi": (
            "henkilö on poistanut tai estänyt Seuranta-sovelluksen Teamsissa: pyydä häntä "
            "lisäämään se uudelleen (Teams → Sovellukset → Seuranta) tai vaihda yhteyshenkilö "
            "komennolla `{cmd} contact`"
        ),
        "sv": (
            "personen har tagit bort eller blockerat Seuranta-appen i Teams: be hen lägga till "
            "den igen (Teams → Appar → Seuranta) eller byt kontaktperson med `{cmd} contact`"
        ),
        "en": (
            "the person removed or blocked the Seuranta app in Teams: ask them to add it again "
            "(Teams → Apps → Seuranta) or change the contact with `{cmd} contact`"
        ),
    },
    "command.failures.hint.teams_removed_channel": {
        "fi": (
            "Seuranta on poistettu tiimistä: lisää sovellus tiimiin uudelleen tai korjaa "
            "SEURANTA_COORDINATOR_CHANNEL"
        ),
        "sv": (
            "Seuranta har tagits bort från teamet: lägg till appen i teamet igen eller rätta "
            "SEURANTA_COORDINATOR_CHANNEL"
        ),
        "en": (
            "the app was removed from the team: add Seuranta to the team again or fix "
            "SEURANTA_COORDINATOR_CHANNEL"
        ),
    },
    "command.failures.hint.teams_gone_person": {
        "fi": (
            "henkilön keskustelua botin kanssa ei enää ole (hän on ehkä lähtenyt): vaihda "
            "organisaation yhteyshenkilö komennolla `{cmd} contact`"
        ),
        "sv": (
            "personens chatt med boten finns inte längre (hen har kanske slutat): byt "
            "organisationens kontaktperson med `{cmd} contact`"
        ),
        "en": (
            "the person's chat with the bot no longer exists (have they left?): change the "
            "organisation's contact with `{cmd} contact`"
        ),
    },
    "command.failures.hint.teams_gone_channel": {
        "fi": "kanavaa tai tiimiä ei enää ole: korjaa SEURANTA_COORDINATOR_CHANNEL",
        "sv": "kanalen eller teamet finns inte längre: rätta SEURANTA_COORDINATOR_CHANNEL",
        "en": "the channel or its team no longer exists: fix SEURANTA_COORDINATOR_CHANNEL",
    },
    "command.failures.hint.teams_token": {
        "fi": (
            "Teams ei hyväksynyt botin tunnistetta: tarkista TEAMS_APP_ID ja TEAMS_APP_PASSWORD "
            "(onko asiakassalaisuus vanhentunut?)"
        ),
        "sv": (
            "Teams godtog inte botens token: kontrollera TEAMS_APP_ID och TEAMS_APP_PASSWORD "
            "(har klienthemligheten gått ut?)"
        ),
        "en": (
            "Teams refused the bot's token: check TEAMS_APP_ID and TEAMS_APP_PASSWORD (has the "
            "client secret expired?)"
        ),
    },
    "command.failures.hint.teams_message": {
        "fi": "Teams hylkäsi itse viestin: ilmoita kehittäjille",
        "sv": "Teams avvisade själva meddelandet: meddela utvecklarna",
        "en": "Teams rejected the message itself: tell the developers",
    },
    "command.failures.hint.teams_gave_up": {
        "fi": "Teams ei vastannut toistuvasti; katso Microsoft 365:n palvelun kunto",
        "sv": "Teams svarade inte upprepade gånger; se tjänstehälsan i Microsoft 365",
        "en": "Teams failed again and again; see the Microsoft 365 service health",
    },
    "command.failures.hint.teams_other": {
        "fi": "katso HTTP-koodin selitys Bot Connector -rajapinnan ohjeesta",
        "sv": "se HTTP-koden i dokumentationen för Bot Connector-API:t",
        "en": "see the HTTP code in the Bot Connector API documentation",
    },
    "command.round.state_count": {
        "fi": "{state} {count}",
        "sv": "{state} {count}",
        "en": "{state} {count}",
    },
    "command.slow_down": {
        "fi": (
            "Kysymyksiä tulee nopeammin kuin ehdin vastata (enintään {limit} minuutissa). Odota "
            "hetki ja kysy sitten uudelleen."
        ),
        "sv": (
            "Frågorna kommer snabbare än jag hinner svara (högst {limit} i minuten). Vänta en "
            "stund och fråga sedan igen."
        ),
        "en": (
            "Questions are coming faster than I can answer (at most {limit} a minute). Please "
            "wait a moment, then ask again."
        ),
    },
}
