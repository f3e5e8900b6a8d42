"""What the worker sends: reminders, reporting rounds, the digest, recorded statuses."""

from __future__ import annotations

from seuranta.i18n.catalogue import Entry

MESSAGES: dict[str, Entry] = {
    "outbox.kind.deadline": {
        "fi": "määräaikamuistutus",
        "sv": "påminnelse om tidsfrist",
        "en": "deadline reminder",
    },
    "outbox.kind.bundle": {
        "fi": "koottu muistutus",
        "sv": "samlad påminnelse",
        "en": "combined reminder",
    },
    "outbox.kind.missed": {
        "fi": "viesti väliin jääneistä muistutuksista",
        "sv": "meddelande om missade påminnelser",
        "en": "“you missed these” message",
    },
    "outbox.kind.no_contact": {
        "fi": "pyyntö nimetä yhteyshenkilö",
        "sv": "begäran om kontaktperson",
        "en": "request to name a contact",
    },
    "outbox.kind.round_ask": {
        "fi": "raportointikierroksen kysely",
        "sv": "rapporteringsomgångens förfrågan",
        "en": "reporting round request",
    },
    "outbox.kind.nudge": {
        "fi": "kierroksen muistutus",
        "sv": "påminnelse i omgången",
        "en": "reporting round nudge",
    },
    "outbox.kind.round_no_contact": {
        "fi": "kierroksen tahot ilman yhteyshenkilöä",
        "sv": "omgångens organisationer utan kontaktperson",
        "en": "round's organisations without a contact",
    },
    "outbox.kind.round_missing": {
        "fi": "kierroksen puuttuvat vastaukset",
        "sv": "omgångens saknade svar",
        "en": "round's missing answers",
    },
    "outbox.kind.not_installed": {
        "fi": "ilmoitus Teams-sovellusta asentamattomasta yhteyshenkilöstä",
        "sv": "meddelande om en kontaktperson utan Teams-appen",
        "en": "notice of a contact without the Teams app",
    },
    "outbox.kind.digest": {
        "fi": "viikkokooste",
        "sv": "veckosammandrag",
        "en": "weekly digest",
    },
    "remind.in_days": {
        "fi": "Määräaikaan on {days} {days|päivä|päivää}",
        "sv": "{days} {days|dag|dagar} kvar till tidsfristen",
        "en": "{days} {days|day|days} to the deadline",
    },
    "remind.today": {
        "fi": "Määräaika on tänään",
        "sv": "Tidsfristen är i dag",
        "en": "The deadline is today",
    },
    "remind.headline": {
        "fi": "⏰ {text}",
        "sv": "⏰ {text}",
        "en": "⏰ {text}",
    },
    "remind.summary": {
        "fi": "{when}: {number} {text}",
        "sv": "{when}: {number} {text}",
        "en": "{when}: {number} {text}",
    },
    "remind.when": {
        "fi": "_{when}_",
        "sv": "_{when}_",
        "en": "_{when}_",
    },
    "remind.deadline": {
        "fi": "*{number}* {title}\nMääräaika {due}: {text}",
        "sv": "*{number}* {title}\nTidsfrist {due}: {text}",
        "en": "*{number}* {title}\nDue {due}: {text}",
    },
    "remind.bundle": {
        "fi": "{count} {count|määräaika|määräaikaa} lähestyy",
        "sv": "{count} {count|tidsfrist|tidsfrister} närmar sig",
        "en": "{count} {count|deadline|deadlines} coming up",
    },
    "remind.bundle_summary": {
        "fi": "{count} {count|määräaika|määräaikaa} lähestyy: {numbers}",
        "sv": "{count} {count|tidsfrist|tidsfrister} närmar sig: {numbers}",
        "en": "{count} {count|deadline|deadlines} coming up: {numbers}",
    },
    "remind.ask": {
        "fi": "Miten toimenpide etenee? Valitse tilanne tai lisää huomautus.",
        "sv": "Hur går åtgärden framåt? Välj läge eller lägg till en kommentar.",
        "en": "How is the measure going? Pick a status or add a note.",
    },
    "remind.no_contact": {
        "fi": (
            "Toimenpiteen {number} määräaika {due} lähestyy, mutta taholle {org} ei ole nimetty "
            "yhteyshenkilöä. Nimetkää yksi: `{cmd} contact add {org} @henkilö`"
        ),
        "sv": (
            "Tidsfristen {due} för åtgärd {number} närmar sig, men {org} har ingen "
            "kontaktperson. Utse en: `{cmd} contact add {org} @person`"
        ),
        "en": (
            "Measure {number} is due {due}, but {org} has no contact person. Please name one: "
            "`{cmd} contact add {org} @person`"
        ),
    },
    "remind.not_installed": {
        "fi": (
            "{person} on tahon {orgs} yhteyshenkilö, mutta ei ole vielä asentanut "
            "Seurantaa Microsoft Teamsiin, joten hänelle ei voi lähettää viestejä. Muistutukset "
            "odottavat ja lähtevät, kun sovellus on asennettu (jos ne ovat silloin vielä "
            "ajankohtaisia)."
        ),
        "sv": (
            "{person} är kontaktperson för {orgs} men har ännu inte installerat "
            "Seuranta i Microsoft Teams, så boten kan inte skicka meddelanden till hen. "
            "Påminnelserna väntar och skickas när appen är installerad (om de då fortfarande "
            "är aktuella)."
        ),
        "en": (
            "{person} is a contact of {orgs} but has not installed Seuranta in "
            "Microsoft Teams yet, so the bot cannot message them. Their reminders wait and go "
            "out once the app is installed (if they are still current then)."
        ),
    },
    "remind.person_with_key": {
        "fi": "{person} ({id})",
        "sv": "{person} ({id})",
        "en": "{person} ({id})",
    },
    "remind.install_how": {
        "fi": (
            "Pyytäkää häntä lisäämään sovellus: Teams → Sovellukset → Seuranta → Lisää "
            "(tai Teams-ylläpitäjä voi asentaa sen hänelle asetuskäytännöllä)."
        ),
        "sv": (
            "Be hen lägga till appen: Teams → Appar → Seuranta → Lägg till "
            "(eller så kan en Teams-administratör installera den åt hen med en "
            "konfigurationsprincip)."
        ),
        "en": (
            "Ask them to add the app: Teams → Apps → Seuranta → Add "
            "(or a Teams administrator can install it for them with a setup policy)."
        ),
    },
    "remind.missed": {
        "fi": "Seuranta oli poissa käytöstä, eikä näitä muistutuksia lähetetty ajallaan:",
        "sv": "Seuranta var ur bruk och skickade inte dessa påminnelser i tid:",
        "en": "Seuranta was down and did not send these reminders on time:",
    },
    "remind.missed_line": {
        "fi": "{number}: {text} (määräaika {due})",
        "sv": "{number}: {text} (tidsfrist {due})",
        "en": "{number}: {text} (due {due})",
    },
    "notice.with_numbers": {
        "fi": "{head} {numbers}",
        "sv": "{head} {numbers}",
        "en": "{head} {numbers}",
    },
    "round.ask": {
        "fi": "📋 *Raportointikierros #{id}*: kerro toimenpiteidesi tilanne {due} mennessä.",
        "sv": "📋 *Rapporteringsomgång #{id}*: ange läget för dina åtgärder senast {due}.",
        "en": "📋 *Reporting round #{id}*: please give the status of your measures by {due}.",
    },
    "round.nudge": {
        "fi": (
            "🔔 *Raportointikierros #{id}*: {count} toimenpiteesi tilanne puuttuu vielä "
            "(määräpäivä {due})."
        ),
        "sv": (
            "🔔 *Rapporteringsomgång #{id}*: läget saknas ännu för {count} av dina åtgärder "
            "(senast {due})."
        ),
        "en": (
            "🔔 *Reporting round #{id}*: {count} of your measures "
            "{count|still needs|still need} a status (due {due})."
        ),
    },
    "round.how": {
        "fi": (
            "Valitse tilanne kunkin toimenpiteen vierestä tai vastaa tähän ketjuun toimenpiteen "
            "numerolla alkaen, esim. _2.7 etenee aikataulussa_."
        ),
        "sv": (
            "Välj läget bredvid varje åtgärd eller svara i den här tråden och börja med "
            "åtgärdens nummer, t.ex. _2.7 går enligt plan_."
        ),
        "en": (
            "Pick a status next to each measure, or reply in this thread starting with the "
            "measure's number, e.g. _2.7 going to plan_."
        ),
    },
    "round.pick": {
        "fi": "Valitse tilanne",
        "sv": "Välj läge",
        "en": "Choose status",
    },
    "round.note_option": {
        "fi": "Lisää huomautus…",
        "sv": "Lägg till kommentar…",
        "en": "Add a note…",
    },
    "round.item": {
        "fi": "*{number}* {title}",
        "sv": "*{number}* {title}",
        "en": "*{number}* {title}",
    },
    "round.unanswered": {
        "fi": "_ei vielä vastausta_",
        "sv": "_inget svar ännu_",
        "en": "_no answer yet_",
    },
    "round.answered": {
        "fi": "✓ {recorded}",
        "sv": "✓ {recorded}",
        "en": "✓ {recorded}",
    },
    "round.more": {
        "fi": "…ja {count} muuta. Raportoi ne: `{cmd} status NUMERO TILA`",
        "sv": "…och {count} till. Rapportera dem: `{cmd} status NUMMER LÄGE`",
        "en": "…and {count} more. Report them with `{cmd} status NUMBER STATE`",
    },
    "round.no_contact": {
        "fi": (
            "Raportointikierros #{id} (määräpäivä {due}): näillä päävastuutahoilla ei ole "
            "yhteyshenkilöä, joten kukaan ei saa kyselyä niiden puolesta. Nimetkää "
            "yhteyshenkilö: `{cmd} contact add TAHO @henkilö`"
        ),
        "sv": (
            "Rapporteringsomgång #{id} (senast {due}): dessa huvudansvariga har ingen "
            "kontaktperson, så ingen får frågan för dem. Utse en: `{cmd} contact add "
            "ORGANISATION @person`"
        ),
        "en": (
            "Reporting round #{id} (due {due}): these lead organisations have no contact person, "
            "so nobody is asked on their behalf. Please name one: `{cmd} contact add "
            "ORGANISATION @person`"
        ),
    },
    "round.org_line": {
        "fi": "{org}: {numbers}",
        "sv": "{org}: {numbers}",
        "en": "{org}: {numbers}",
    },
    "round.missing": {
        "fi": (
            "Raportointikierroksen #{id} määräpäivä {due} meni: {answered}/{total} toimenpiteen "
            "tilanne saatu. Puuttuvat:"
        ),
        "sv": (
            "Rapporteringsomgång #{id} hade tidsfrist {due}: läget för {answered}/{total} "
            "åtgärder har kommit in. Saknas:"
        ),
        "en": (
            "Reporting round #{id} was due {due}: {answered}/{total} measures have a status. "
            "Still missing:"
        ),
    },
    "round.complete": {
        "fi": (
            "Raportointikierros #{id} (määräpäivä {due}): kaikkien {total} toimenpiteen tilanne "
            "saatu. Kiitos!"
        ),
        "sv": (
            "Rapporteringsomgång #{id} (senast {due}): läget för alla {total} "
            "{total|åtgärd|åtgärder} har kommit in. Tack!"
        ),
        "en": (
            "Reporting round #{id} (due {due}): all {total} {total|measure has|measures have} a "
            "status. Thank you!"
        ),
    },
    "round.missing_line": {
        "fi": "{org}: {numbers} — {people}",
        "sv": "{org}: {numbers} — {people}",
        "en": "{org}: {numbers} — {people}",
    },
    "round.no_lead": {
        "fi": "(päävastuutahoa ei nimetty)",
        "sv": "(ingen huvudansvarig angiven)",
        "en": "(no lead organisation named)",
    },
    "round.nobody": {
        "fi": "ei yhteyshenkilöä",
        "sv": "ingen kontaktperson",
        "en": "no contact",
    },
    "round.usage": {
        "fi": (
            "Käyttö: `{cmd} round start --due 2027-01-15 [--measures 2.*]`, `{cmd} round "
            "report [#1]`, `{cmd} round close [#1]`, `{cmd} rounds`"
        ),
        "sv": (
            "Användning: `{cmd} round start --due 2027-01-15 [--measures 2.*]`, `{cmd} "
            "round report [#1]`, `{cmd} round close [#1]`, `{cmd} rounds`"
        ),
        "en": (
            "Usage: `{cmd} round start --due 2027-01-15 [--measures 2.*]`, `{cmd} round "
            "report [#1]`, `{cmd} round close [#1]`, `{cmd} rounds`"
        ),
    },
    "round.started": {
        "fi": (
            "Raportointikierros #{id} aloitettu: {measures} {measures|toimenpide|toimenpidettä}, "
            "kysely lähtee {people} henkilölle. Määräpäivä {due}; vastaamattomia muistutetaan "
            "{nudge} päivän välein."
        ),
        "sv": (
            "Rapporteringsomgång #{id} har startat: {measures} {measures|åtgärd|åtgärder}, frågan "
            "går till {people} {people|person|personer}. Tidsfrist {due}; de som inte svarat "
            "påminns var {nudge}:e dag."
        ),
        "en": (
            "Reporting round #{id} started: {measures} {measures|measure|measures}, asking "
            "{people} {people|person|people}. Due {due}; those yet to answer are nudged every "
            "{nudge} {nudge|day|days}."
        ),
    },
    "round.started_orphans": {
        "fi": "Ilman yhteyshenkilöä (kukaan ei saa kyselyä): {orgs}.",
        "sv": "Utan kontaktperson (ingen får frågan): {orgs}.",
        "en": "Without a contact person (nobody is asked): {orgs}.",
    },
    "round.none": {
        "fi": "Raportointikierroksia ei ole. Aloita: `{cmd} round start --due 2027-01-15`",
        "sv": (
            "Det finns inga rapporteringsomgångar. Starta: `{cmd} round start --due 2027-01-15`"
        ),
        "en": "There are no reporting rounds. Start one: `{cmd} round start --due 2027-01-15`",
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
        "fi": (
            "*Raportointikierros #{id}* ({pattern}, määräpäivä {due}, {state}): "
            "{answered}/{total} toimenpidettä vastattu ({percent} %)."
        ),
        "sv": (
            "*Rapporteringsomgång #{id}* ({pattern}, senast {due}, {state}): {answered}/{total} "
            "åtgärder besvarade ({percent} %)."
        ),
        "en": (
            "*Reporting round #{id}* ({pattern}, due {due}, {state}): {answered}/{total} "
            "measures answered ({percent}%)."
        ),
    },
    "round.open": {
        "fi": "avoin",
        "sv": "öppen",
        "en": "open",
    },
    "round.closed_state": {
        "fi": "suljettu",
        "sv": "stängd",
        "en": "closed",
    },
    "round.report_states": {
        "fi": "Vastaukset: {counts}",
        "sv": "Svar: {counts}",
        "en": "Answers: {counts}",
    },
    "round.report_missing": {
        "fi": "Vastaus puuttuu",
        "sv": "Svar saknas",
        "en": "Not answered",
    },
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
        "fi": "📊 Viikkokatsaus {date}",
        "sv": "📊 Veckoöversikt {date}",
        "en": "📊 Weekly digest {date}",
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
        "fi": (
            "Raportointikierros #{id} (määräpäivä {due}): {answered}/{total} vastattu, {people} "
            "henkilöltä puuttuu vastaus"
        ),
        "sv": (
            "Rapporteringsomgång #{id} (senast {due}): {answered}/{total} besvarade, {people} "
            "{people|person|personer} har inte svarat"
        ),
        "en": (
            "Reporting round #{id} (due {due}): {answered}/{total} answered, {people} "
            "{people|person|people} yet to answer"
        ),
    },
    "digest.failures": {
        "fi": "⚠️ toimittamatta jääneitä viestejä: {count} (katso `{cmd} failures`)",
        "sv": "⚠️ meddelanden som inte kunde levereras: {count} (se `{cmd} failures`)",
        "en": "⚠️ messages that could not be delivered: {count} (see `{cmd} failures`)",
    },
    "digest.details": {
        "fi": "Yksityiskohdat ketjussa.",
        "sv": "Detaljerna finns i tråden.",
        "en": "Details in the thread.",
    },
    "digest.upcoming_head": {
        "fi": "Määräajat seuraavan kahden viikon aikana",
        "sv": "Tidsfrister under de kommande två veckorna",
        "en": "Due in the next two weeks",
    },
    "digest.overdue_head": {
        "fi": "Ohitetut määräajat (ei valmis)",
        "sv": "Passerade tidsfrister (inte klara)",
        "en": "Overdue, not done",
    },
    "digest.changes_head": {
        "fi": "Tilannepäivitykset viikon aikana",
        "sv": "Lägesuppdateringar under veckan",
        "en": "Status updates this week",
    },
    "digest.round_head": {
        "fi": "Raportointikierros #{id}: vastaus puuttuu",
        "sv": "Rapporteringsomgång #{id}: svar saknas",
        "en": "Reporting round #{id}: not answered",
    },
    "digest.due_line": {
        "fi": "{due} *{number}* {text} ({state})",
        "sv": "{due} *{number}* {text} ({state})",
        "en": "{due} *{number}* {text} ({state})",
    },
    "digest.change": {
        "fi": "*{number}* {state}, {who} {when}",
        "sv": "*{number}* {state}, {who} {when}",
        "en": "*{number}* {state}, {who} {when}",
    },
    "digest.change_note": {
        "fi": "*{number}* {state}, {who} {when}: {note}",
        "sv": "*{number}* {state}, {who} {when}: {note}",
        "en": "*{number}* {state}, {who} {when}: {note}",
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
        "fi": (
            "Et voi raportoida toimenpiteen {number} tilannetta: sen voivat tehdä vain "
            "toimenpiteen vastuutahojen yhteyshenkilöt ja ylläpitäjät."
        ),
        "sv": (
            "Du kan inte rapportera läget för åtgärd {number}: det kan bara kontaktpersonerna "
            "för de ansvariga och administratörerna."
        ),
        "en": (
            "You cannot report the status of measure {number}: only the contacts of its "
            "responsible organisations and the admins can."
        ),
    },
    "status.too_long": {
        "fi": (
            "Huomautus on {length} merkkiä pitkä; enintään {limit} mahtuu. Lyhennä sitä ja "
            "lähetä uudelleen – mitään ei tallennettu."
        ),
        "sv": (
            "Kommentaren är {length} tecken lång; högst {limit} ryms. Korta den och skicka igen "
            "– inget sparades."
        ),
        "en": (
            "The note is {length} characters long; at most {limit} fit. Please shorten it and "
            "send it again – nothing was saved."
        ),
    },
    "status.usage": {
        "fi": ('Käyttö: `{cmd} status 2.7 at-risk "huomautus"` (on-track, at-risk, delayed, done)'),
        "sv": (
            'Användning: `{cmd} status 2.7 at-risk "kommentar"` (on-track, at-risk, delayed, done)'
        ),
        "en": 'Usage: `{cmd} status 2.7 at-risk "note"` (on-track, at-risk, delayed, done)',
    },
    "status.thread_saved": {
        "fi": "Huomautus kirjattu toimenpiteelle {number}.",
        "sv": "Kommentaren har registrerats för åtgärd {number}.",
        "en": "Note recorded for measure {number}.",
    },
}
