"""Texts of graph/editing.py and graph/tabular.py (nb and en), merged into graph.i18n.

Keys: edit.kind.* and edit.field.* (names), edit.help.* (what to write, also used to say how to fix a
missing value), edit.what.* (what a picker names, in "there is no … called"), edit.err.* (problems),
edit.summary.* (what a change does), tabular.* (spreadsheet templates and import).
"""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        "edit.err.control": "Teksten har et kontrolltegn (f.eks. NUL) som ikke kan lagres; skriv den inn på nytt uten det.",
        # kinds
        "edit.kind.actor": "Aktør",
        "edit.kind.network": "Nettverk",
        "edit.kind.membership": "Medlemskap",
        "edit.kind.twin-city-agreement": "Vennskapsbyavtale",
        "edit.kind.project": "Prosjekt",
        "edit.kind.participation": "Prosjektdeltakelse",
        "edit.kind.activity": "Aktivitet",
        "edit.kind_help.actor": "En by, organisasjon, kommunal enhet eller person som samarbeider.",
        "edit.kind_help.network": "Et nettverk, en allianse eller et forum som aktører er medlem av.",
        "edit.kind_help.membership": "At en aktør er medlem av et nettverk: rolle, periode, status, ansvarlig enhet "
        "og årlig kostnad.",
        "edit.kind_help.twin-city-agreement": "En avtale mellom hjembyen og en annen by: type, status og periode.",
        "edit.kind_help.project": "Et prosjekt med program, periode, budsjett, målområder og partnere.",
        "edit.kind_help.participation": "At en aktør deltar i et prosjekt, med rolle.",
        "edit.kind_help.activity": "En hendelse eller aktivitet: delegasjon, besøk, seminar, utveksling, "
        "kulturarrangement.",
        # fields
        "edit.field.id": "Identifikator",
        "edit.field.label_nb": "Navn på norsk",
        "edit.field.label_en": "Navn på engelsk",
        "edit.field.alt_labels": "Andre navn",
        "edit.field.actor_type": "Slags aktør",
        "edit.field.activity_type": "Slags aktivitet",
        "edit.field.country": "Land",
        "edit.field.lat": "Breddegrad",
        "edit.field.long": "Lengdegrad",
        "edit.field.unit_of": "Enhet i",
        "edit.field.location": "Sted",
        "edit.field.member": "Medlem",
        "edit.field.network": "Nettverk",
        "edit.field.role": "Rolle",
        "edit.field.status": "Status",
        "edit.field.responsible_unit": "Ansvarlig enhet",
        "edit.field.annual_cost": "Årlig kostnad",
        "edit.field.budget": "Budsjett",
        "edit.field.currency": "Valuta",
        "edit.field.start": "Start",
        "edit.field.end": "Slutt",
        "edit.field.city": "Vennskapsby",
        "edit.field.agreement_type": "Avtaletype",
        "edit.field.programme": "Finansieringsprogram",
        "edit.field.partners": "Partnere",
        "edit.field.project": "Prosjekt",
        "edit.field.participant": "Deltaker",
        "edit.field.participants": "Deltakere",
        "edit.field.part_of": "Del av",
        "edit.field.target_areas": "Målområder",
        "edit.field.sdgs": "Bærekraftsmål",
        "edit.field.source_section": "Kilde: avsnitt",
        "edit.field.source_quote": "Kilde: sitat",
        "edit.field.source_reference": "Annen kilde",
        "edit.field.source_url": "Kildens nettadresse",
        "edit.field.evidence": "Belegg",
        # help: what to write (also how to fix a missing value)
        "edit.help.id": "Valgfritt. Korte ord med små bokstaver, sifre og bindestrek, f.eks. network-icorn. "
        "Står det tomt, lages den av det engelske navnet.",
        "edit.help.label_nb": "Skriv navnet slik kilden skriver det på norsk (bokmål).",
        "edit.help.label_en": "Skriv det engelske navnet; oversett det selv hvis kilden er norsk.",
        "edit.help.label_in": "Skriv navnet på {language}, ett av datasettets språk (hvert navn trengs på hvert av dem).",
        "edit.field.label_in": "Navn ({language})",
        "edit.help.alt_labels": "Forkortelser og andre navn, skilt med semikolon (f.eks. NTNU; Teknologiuniversitetet).",
        "edit.help.actor_type": "Velg hva slags aktør det er: by, kommunal enhet, universitet, bedrift, statlig organ …",
        "edit.help.activity_type": "Velg hva slags aktivitet det er; står det tomt, blir det en aktivitet uten "
        "nærmere type.",
        "edit.help.country": "Velg landet byen ligger i (må for byer).",
        "edit.help.country_missing": "Mangler landet i listen? Rediger-siden kan ikke legge til land: gå til siden "
        "«Importer», velg «Land» under «Mal for», last ned malen, fyll inn navnene og ISO-koden (f.eks. NL for "
        "Nederland), last den opp og trykk «Importer». Kom så tilbake hit.",
        "edit.help.lat": "Byens breddegrad i desimalgrader, f.eks. 63.43 (nord er positivt; må for byer).",
        "edit.help.long": "Byens lengdegrad i desimalgrader, f.eks. 10.39 (øst er positivt; må for byer).",
        "edit.help.unit_of": "Velg kommunen (eller enheten) den kommunale enheten hører til (må for kommunale enheter).",
        "edit.help.location": "Velg byen aktøren holder til i, eller der aktiviteten fant sted.",
        "edit.help.member": "Velg aktøren som er medlem.",
        "edit.help.network": "Velg nettverket aktøren er medlem av.",
        "edit.help.role": "Velg rollen, f.eks. medlem, styremedlem eller leder.",
        "edit.help.status": "Velg aktiv, sovende, avsluttet eller planlagt, slik den nyeste kilden sier.",
        "edit.help.responsible_unit": "Velg enheten i kommunen som eier dette.",
        "edit.help.annual_cost": "Årlig kostnad som et tall uten valuta, f.eks. 12500 eller 12500,50.",
        "edit.help.budget": "Budsjettet som et tall uten valuta, f.eks. 2617000.",
        "edit.help.currency": "Valutakoden (ISO 4217) med tre store bokstaver, f.eks. NOK eller EUR.",
        "edit.help.start": "Året (2019) eller datoen (2019-03-01 eller 01.03.2019) det begynte.",
        "edit.help.end": "Året (2022) eller datoen (2022-12-31 eller 31.12.2022) det sluttet; tomt hvis det "
        "fortsatt varer.",
        "edit.help.retire_end": "Skriv året eller datoen det sluttet, f.eks. 2024 eller 31.12.2024.",
        "edit.help.city": "Velg den andre byen i avtalen (hjembyen legges til av seg selv).",
        "edit.help.agreement_type": "Velg typen avtale, f.eks. formell vennskapsby eller intensjonsavtale.",
        "edit.help.programme": "Velg programmet som finansierer prosjektet.",
        "edit.help.partners": "Velg aktørene som er partnere i prosjektet (hver får en prosjektdeltakelse med "
        "rollen partner); skill flere med semikolon.",
        "edit.help.project": "Velg prosjektet.",
        "edit.help.participant": "Velg aktøren som deltar.",
        "edit.help.participants": "Velg aktørene som deltok; skill flere med semikolon.",
        "edit.help.part_of": "Velg nettverket, prosjektet, avtalen eller arbeidsgruppen aktiviteten hører til.",
        "edit.help.target_areas": "Nummeret på målområdene, f.eks. 1; 3.",
        "edit.help.sdgs": "Nummeret på bærekraftsmålene (1–17), f.eks. 11; 17.",
        "edit.help.source_section": "Velg avsnittet i dokumentet som sier dette, og lim inn sitatet.",
        "edit.help.source_quote": "Lim inn setningen fra avsnittet, ordrett.",
        "edit.help.source_reference": "Når kilden ikke er et avsnitt i et registrert dokument: beskriv den, f.eks. "
        "«E-post fra EU-kontoret, 3. mars 2026».",
        "edit.help.source_url": "Valgfritt: nettadressen til kilden, som begynner med https://.",
        "edit.help.evidence": "«Sagt i kilden» når kilden sier det, «Utledet av kurator» når du har sluttet deg til "
        "det.",
        # the Edit page's help where its field differs from a spreadsheet's column (a pick list, a made name)
        "edit.form_help.target_areas": "Velg ett eller flere målområder fra listen.",
        "edit.form_help.sdgs": "Velg ett eller flere bærekraftsmål (1–17) fra listen.",
        "edit.form_help.participants": "Velg aktørene som deltok.",
        "edit.form_help.made_name": "Frivillig: står det tomt, lages navnet av det som kobles sammen (medlem og "
        "nettverk, de to byene, prosjekt og deltaker). Fyll det bare ut når kilden har et eget navn for dette.",
        # what a picker names
        "edit.what.country": "land",
        "edit.what.unit_of": "by eller kommunal enhet",
        "edit.what.location": "by",
        "edit.what.member": "aktør",
        "edit.what.network": "nettverk",
        "edit.what.responsible_unit": "kommunal enhet",
        "edit.what.city": "by",
        "edit.what.programme": "finansieringsprogram",
        "edit.what.partners": "aktør",
        "edit.what.project": "prosjekt",
        "edit.what.participant": "aktør",
        "edit.what.participants": "aktør",
        "edit.what.part_of": "nettverk, prosjekt, avtale eller arbeidsgruppe",
        "edit.what.source_section": "avsnitt",
        "edit.months": "januar,februar,mars,april,mai,juni,juli,august,september,oktober,november,desember",
        "edit.auto.in": "{a} i {b}",
        "edit.auto.dash": "{a}–{b}",
        # problems
        "edit.err.unknown_kind": "Ukjent slag «{value}»; slagene er: {known}.",
        "edit.err.unknown_field": "{kind} har ikke feltet «{name}»; feltene er: {known}.",
        "edit.err.unknown_choice": "Det finnes ingen liste som heter «{value}»; bruk et slag eller et felt: {known}.",
        "edit.err.required": "«{field}» mangler. {help}",
        "edit.err.required_for": "«{field}» må fylles ut for en {what}. {help}",
        "edit.err.one_value": "«{field}» tar bare én verdi: behold én og fjern de andre.",
        "edit.err.date": "«{value}» er ikke et år eller en dato: skriv året (2019) eller datoen som ÅÅÅÅ-MM-DD "
        "eller DD.MM.ÅÅÅÅ, f.eks. 2019-03-01 eller 01.03.2019.",
        "edit.err.month": "«{value}» er ikke en dato: det finnes ingen måned {month}; månedene går fra 1 til 12.",
        "edit.err.no_such_day": "Datoen «{value}» finnes ikke: {month} {year} har {days} dager. Sjekk dag og måned.",
        "edit.err.year": "Året {year} er utenfor {min}–{max}: sjekk at årstallet er riktig skrevet med fire sifre.",
        "edit.err.end_before_start": "Slutten ({end}) er før starten ({start}): sjekk datoene (kanskje de er "
        "byttet om).",
        "edit.err.amount": "«{value}» er ikke et beløp: skriv et tall uten valuta, f.eks. 12500 eller 12500,50.",
        "edit.err.amount_negative": "Beløpet «{value}» er negativt: skriv kostnaden som et positivt tall.",
        "edit.err.amount_ambiguous": "«{value}» kan leses på to måter: skriv beløpet uten tusenskilletegn, "
        "f.eks. 12500 eller 12500,50.",
        "edit.err.currency": "«{value}» er ikke en valutakode: skriv ISO 4217-koden med tre store bokstaver, "
        "f.eks. NOK eller EUR.",
        "edit.err.currency_missing": "Beløpet mangler valuta: skriv valutakoden, f.eks. NOK eller EUR.",
        "edit.err.url": "«{value}» er ikke en nettadresse: skriv hele adressen, som begynner med http:// eller "
        "https://, uten mellomrom og uten tegnene < > \" {{ }} | \\ ^ `.",
        "edit.err.number": "«{value}» er ikke et tall fra {min} til {max}: skriv {field} i desimalgrader, "
        "f.eks. 63.43.",
        "edit.err.choice": "«{value}» er ikke et av valgene for {field}: bruk et av disse: {known}.",
        "edit.err.target_area": "Ukjent målområde «{value}»; målområdene er: {known}.",
        "edit.err.sdg": "«{value}» er ikke et bærekraftsmål: skriv et tall fra 1 til 17 (flere skilt med "
        "semikolon).",
        "edit.err.unknown_entity": "Det finnes ingen {what} som heter «{value}» i grafen{hint}: skriv navnet slik "
        "grafen har det, eller identifikatoren, eller legg den til først.",
        "edit.err.did_you_mean": " (mente du «{name}»?)",
        "edit.err.ambiguous": "«{value}» passer til flere ting ({things}): bruk identifikatoren i stedet.",
        "edit.err.wrong_kind": "«{value}» kan ikke brukes her: den er registrert som «{is_kind}», og feltet "
        "trenger: {what}.",
        "edit.err.id_invalid": "«{value}» kan ikke være en identifikator: bruk små bokstaver, sifre og bindestrek, "
        "f.eks. network-icorn (eller en hel http(s)-adresse).",
        "edit.err.id_taken": "Identifikatoren «{value}» er allerede brukt av «{label}» <{iri}>: velg en annen "
        "identifikator, eller rett den som finnes.",
        "edit.err.id_in_batch": "Identifikatoren «{value}» er allerede brukt i rad {where} i denne filen: gi hver "
        "rad sin egen identifikator.",
        "edit.err.id_fixed": "Identifikatoren kan ikke endres: slett tingen og legg den til på nytt hvis den er "
        "feil.",
        "edit.err.source_missing": "Kilde mangler: hvert nytt faktum trenger en kilde. Velg avsnittet og lim inn "
        "sitatet, eller beskriv kilden under «Annen kilde».",
        "edit.err.quote_missing": "Sitatet mangler: lim inn setningen fra avsnittet som sier dette, ordrett.",
        "edit.err.section_missing": "Sitatet trenger avsnittet sitt: velg avsnittet i dokumentet det kommer fra, "
        "eller flytt teksten til «Annen kilde».",
        "edit.err.reference_missing": "En nettadresse alene er ikke nok: beskriv kilden under «Annen kilde» også "
        "(f.eks. sidens tittel og dato).",
        "edit.err.no_home_city": "Datasettet har ingen hjemby (ikg:homeActor som er en by), så avtalen mangler "
        "hjemmeparten: legg til datasettets hjemaktør først.",
        "edit.err.home_not_city": "En vennskapsbyavtale er mellom to byer, og {home} er ikke en by, men en {kind}. "
        "Et samarbeid med en region eller en by kan registreres som et prosjekt eller et nettverksmedlemskap.",
        "edit.err.same_city": "Vennskapsbyen må være en annen by enn {home}: velg vennskapsbyen.",
        "edit.err.not_found": "Det finnes ingenting med identifikatoren <{iri}> i grafen: velg fra listen.",
        "edit.err.not_editable": "«{label}» ({what}) kan ikke endres i skjemaene: rett den i Turtle-filene i "
        "data/.",
        "edit.err.not_retirable": "«{label}» ({what}) kan ikke avsluttes; bare medlemskap, vennskapsbyavtaler, nettverk, "
        "prosjekter og aktiviteter kan avsluttes. Bruk «slett» for noe som ble lagt inn ved en feil.",
        "edit.err.already_ended": "«{label}» sluttet allerede i {end}: rett sluttdatoen i stedet for å avslutte "
        "på nytt.",
        "edit.err.vocabulary": "«{label}» hører til vokabularet og kan ikke slettes her.",
        "edit.err.confirm": "Skriv navnet («{label}») eller identifikatoren <{iri}> for å bekrefte slettingen "
        "(store og små bokstaver teller ikke); du skrev «{value}».",
        "edit.err.referenced": "«{label}» kan ikke slettes mens andre ting peker på den: {things}. Slett eller "
        "rett disse først.",
        "edit.err.and_more": " og {n} til",
        # summaries
        "edit.summary.add": "Legger til {kind}: «{label}» <{iri}> ({n} tripler).",
        "edit.summary.correct": "Retter {kind} «{label}»: {fields}.",
        "edit.summary.retire": "Avslutter {kind} «{label}»: {fields}.",
        "edit.summary.delete": "Sletter {kind} «{label}» ({n} tripler).",
        "edit.summary.source_only": "ny kilde",
        # spreadsheets
        "tabular.sheet_help": "Hjelp",
        "tabular.sheet_lists": "Lister",
        "tabular.list.refused_title": "Ikke i listen",
        "tabular.list.refused": "Velg en verdi fra nedtrekkslisten i kolonnen «{column}». Arket «{help}» viser hva "
        "kolonnen godtar.",
        "tabular.list.unlisted_title": "Ikke i listen",
        "tabular.list.unlisted": "Verdien står ikke i listen for «{column}». Den godtas likevel hvis den er en "
        "identifikator, et annet navn på noe grafen har, eller noe lenger opp i filen.",
        "tabular.help.column": "Kolonne",
        "tabular.help.required": "Må fylles ut",
        "tabular.help.what": "Hva du skriver",
        "tabular.help.values": "Mulige verdier",
        "tabular.help.intro": "Én rad per {kind}. Rad 1 er overskriftene: la dem stå. Rad 2 er et eksempel: "
        "skriv over den eller slett den. Flere verdier i én celle skilles med semikolon. Navn på ting som "
        "finnes (og ting lenger opp i samme fil) kan skrives som de står i grafen.",
        "tabular.help.all_or_nothing": "Importen er alt eller ingenting: er noe galt i én rad, lagres ingenting, "
        "og du får en liste over alt som må rettes, med rad og kolonne. Hver rad legger til noe nytt: en rad for noe "
        "grafen allerede har (samme navn; for et medlemskap samme medlem og nettverk) avvises – endre det på "
        "Rediger-siden i stedet.",
        "tabular.help.needed_for": "for {what}",
        "tabular.example.reference": "E-post fra internasjonal avdeling, 3. mars 2026",
        "tabular.warn.example_row": "Rad {rows} er eksempelraden fra malen (kilden er {url}). Bekrefter du, blir "
        "den importert som ekte data: slett raden, eller skriv inn dine egne verdier og kilden deres, og importer "
        "filen på nytt.",
        "tabular.warn.encoding": "Filen er ikke lagret som UTF-8, så den er lest som {encoding} (det Excel lagrer "
        "som «CSV»). Se etter at æ, ø, å og andre bokstaver er riktige i verdiene fra filen; er de "
        "ikke det, lagre filen som «CSV UTF-8» og importer den på nytt.",
        "tabular.warn.stale": "Rad {row} har status «{status}», men slutter i {end}, som er passert: sett status "
        "«{ended}» hvis den er over, eller rett sluttdatoen.",
        "tabular.warn.example_rows": "Radene {rows} har eksempelkilden fra malen ({url}). Bekrefter du, blir de "
        "importert som ekte data: slett dem, eller skriv inn dine egne verdier og kildene deres, og importer filen "
        "på nytt.",
        "tabular.example.quote": "(lim inn setningen fra avsnittet her)",
        "tabular.example.network_nb": "Eksempelnettverket",
        "tabular.example.network_en": "The Example Network",
        "tabular.example.project_nb": "Eksempelprosjektet",
        "tabular.example.project_en": "The Example Project",
        "tabular.example.activity_nb": "Eksempelseminaret",
        "tabular.example.activity_en": "The Example Seminar",
        "tabular.example.actor_nb": "Eksempelforeningen",
        "tabular.example.actor_en": "The Example Society",
        "tabular.err.empty": "Filen er tom: fyll inn malen (rad 1 er overskriftene, én rad per ting) og importer den "
        "på nytt.",
        "tabular.err.no_rows": "Filen har overskrifter, men ingen rader med data: fyll inn én rad per ting under "
        "overskriftene.",
        "tabular.err.too_many_rows": "Filen har mer enn {max} rader med data: del den opp i filer med høyst {max} "
        "rader.",
        "tabular.err.format": "«{name}» er verken CSV eller Excel (.xlsx): lagre filen som CSV (UTF-8) eller "
        "Excel-arbeidsbok (.xlsx).",
        "tabular.err.encoding": "Filen er ikke UTF-8: lagre den som «CSV UTF-8» (i Excel: Lagre som › CSV UTF-8).",
        "tabular.err.csv": "Filen kan ikke leses som CSV ({detail}): lagre den på nytt som CSV UTF-8.",
        "tabular.err.xlsx": "Filen kan ikke leses som Excel-arbeidsbok (.xlsx): åpne den i Excel og lagre den som "
        ".xlsx, eller lagre som CSV UTF-8.",
        "tabular.err.sheet": "Arbeidsboka har ikke et ark for {wanted}: arkene heter {found}. Gi arket med dataene "
        "et av disse navnene: {expected}.",
        "tabular.any_kind": "noe slag",
        "tabular.kind_column": "Slag",
        "tabular.err.headers_mixed": "Kolonneoverskriftene passer ikke: {detail}. Med en kolonne «Slag» kan "
        "kolonnene være: {expected}. Malene viser dem (på Importer-siden, eller `ikg template all --out MAPPE`).",
        "tabular.err.row_kind": "Ukjent slag «{value}»: skriv et av {known}.",
        "tabular.err.row_kind_missing": "Slaget mangler: skriv et av {known}.",
        "tabular.err.not_for_kind": "Denne kolonnen brukes ikke for rader av slaget {kind}: la cellen stå tom.",
        "tabular.help.mixed": "Vil du legge til flere slag i én fil (f.eks. et nettverk og så medlemskap i det), "
        "legg til en kolonne «Slag» med slaget for hver rad, og kolonnene fra malene for de slagene.",
        "tabular.preview.one": "1 rad lest fra {name}: {things}.",
        "tabular.err.sheets_many": "Arbeidsboka har ark for flere slag ({found}): les inn ett slag om gangen, "
        "eller velg slaget (på Importer-siden «Hva tabellen inneholder», eller `ikg import --kind SLAG`).",
        "tabular.err.headers": "Kolonneoverskriftene passer ikke for {kind}: {detail}. Kolonnene er: {expected} "
        "(de med * må være med). Malen viser dem (på Importer-siden, eller `ikg template {name} --out MAPPE`).",
        "tabular.err.headers_unknown": "ukjent {columns}",
        "tabular.err.headers_missing": "mangler {columns}",
        "tabular.err.headers_twice": "flere kolonner for samme felt: {columns}",
        "tabular.err.kind_unknown": "Det går ikke å se hva slags ting filen inneholder: kolonnene passer ikke til "
        "noen mal ({columns}). Velg slaget (på Importer-siden, eller `ikg import --kind SLAG`), eller bruk en mal: "
        "{kinds}.",
        "tabular.err.kind_ambiguous": "Kolonnene passer for flere slag ({kinds}): velg slaget (på Importer-siden, eller "
        "`ikg import --kind SLAG`).",
        "tabular.err.formula": "Cellen inneholder en formel ({value}): skriv selve verdien.",
        "tabular.err.extra_fields": "Raden har {n} felt, men overskriften har {m}: en verdi med «{sep}» i seg må stå i "
                                    "anførselstegn (\"11{sep} 17\"), ellers deles den i to felt.",
        "tabular.err.sheet_header": "Rad 1 må være overskriftene, men den er tom: lim inn overskriftene fra malen.",
        "tabular.err.from_failed_row": "«{value}» legges til av rad {row} i denne filen, som har et problem selv: "
                                       "rett rad {row} først.",
        "tabular.problem.cell": "Rad {row}, kolonne {column}: {message}",
        "tabular.problem.row": "Rad {row}: {message}",
        "tabular.preview": "{rows} rader lest fra {name}: {things}.",
        "tabular.preview.none": "ingenting nytt",
        "tabular.count": "{n} × {kind}",
        "tabular.err.exists": "Navnet «{value}» er allerede brukt av {kind} «{label}» <{iri}> i grafen: vil du "
        "endre oppføringen, gjør det på Rediger-siden; gjelder raden noe annet, gi det et eget navn; ellers tar du "
        "raden bort.",
        "tabular.err.exists.membership": "«{a}» er allerede medlem av «{b}» i grafen («{label}» <{iri}>): vil du "
        "endre medlemskapet, gjør det på Rediger-siden; ellers tar du raden bort.",
        "tabular.err.exists.participation": "«{a}» deltar allerede i «{b}» i grafen («{label}» <{iri}>): vil du "
        "endre deltakelsen, gjør det på Rediger-siden; ellers tar du raden bort.",
        "tabular.err.exists.twin-city-agreement": "Grafen har allerede en vennskapsbyavtale av typen «{type}» mellom "
        "«{a}» og «{b}» («{label}» <{iri}>): vil du endre avtalen, gjør det på Rediger-siden; ellers tar du raden bort.",
        "tabular.err.same_as_row": "Raden legger til samme {kind} som rad {row} i denne filen («{label}»): behold "
        "bare én av radene.",
        "edit.err.correct.exists": "Navnet «{value}» er allerede brukt av {kind} «{label}» <{iri}> i grafen: bruk "
        "et annet navn her; er de to det samme, rett den andre oppføringen og slett denne.",
        "edit.err.correct.exists.membership": "«{a}» er allerede medlem av «{b}» i grafen («{label}» <{iri}>), i en "
        "periode som overlapper denne: rett det medlemskapet i stedet, eller gi de to periodene som ikke overlapper.",
        "edit.err.correct.exists.participation": "«{a}» deltar allerede i «{b}» i grafen («{label}» <{iri}>), i en "
        "periode som overlapper denne: rett den deltakelsen i stedet, eller gi de to periodene som ikke overlapper.",
        "edit.err.correct.exists.twin-city-agreement": "Grafen har allerede en vennskapsbyavtale av typen «{type}» "
        "mellom «{a}» og «{b}» («{label}» <{iri}>), i en periode som overlapper denne: rett den avtalen i stedet, "
        "eller gi de to periodene som ikke overlapper.",
        "edit.err.exists": "Navnet «{value}» er allerede brukt av {kind} «{label}» <{iri}> i grafen: vil du endre "
        "den oppføringen, velg «Rette»; gjelder det noe annet, gi det et eget navn.",
        "edit.err.exists.membership": "«{a}» er allerede medlem av «{b}» i grafen («{label}» <{iri}>), i en periode "
        "som overlapper: vil du endre det medlemskapet, velg «Rette»; er dette et nytt medlemskap etter at det gamle "
        "tok slutt, gi det gamle en sluttdato først.",
        "edit.err.exists.participation": "«{a}» deltar allerede i «{b}» i grafen («{label}» <{iri}>), i en periode "
        "som overlapper: vil du endre den deltakelsen, velg «Rette»; er dette en ny deltakelse etter at den gamle "
        "tok slutt, gi den gamle en sluttdato først.",
        "edit.err.exists.twin-city-agreement": "Grafen har allerede en vennskapsbyavtale av typen «{type}» mellom "
        "«{a}» og «{b}» («{label}» <{iri}>), i en periode som overlapper: vil du endre den avtalen, velg «Rette»; er "
        "dette en ny avtale etter at den gamle tok slutt, gi den gamle en sluttdato først.",
    },
    "en": {
        "edit.err.control": "The text holds a control character (e.g. NUL) that cannot be saved; type it again without it.",
        "edit.kind.actor": "Actor",
        "edit.kind.network": "Network",
        "edit.kind.membership": "Membership",
        "edit.kind.twin-city-agreement": "Twin-city agreement",
        "edit.kind.project": "Project",
        "edit.kind.participation": "Project participation",
        "edit.kind.activity": "Activity",
        "edit.kind_help.actor": "A city, organisation, municipal unit or person that collaborates.",
        "edit.kind_help.network": "A network, alliance or forum that actors are members of.",
        "edit.kind_help.membership": "An actor's membership of a network: role, period, status, responsible unit "
        "and annual cost.",
        "edit.kind_help.twin-city-agreement": "An agreement between the home city and another city: type, status "
        "and period.",
        "edit.kind_help.project": "A project with its programme, period, budget, target areas and partners.",
        "edit.kind_help.participation": "An actor's participation in a project, with its role.",
        "edit.kind_help.activity": "An event or activity: delegation, visit, seminar, exchange, cultural event.",
        "edit.field.id": "Identifier",
        "edit.field.label_nb": "Name in Norwegian",
        "edit.field.label_en": "Name in English",
        "edit.field.alt_labels": "Other names",
        "edit.field.actor_type": "Kind of actor",
        "edit.field.activity_type": "Kind of activity",
        "edit.field.country": "Country",
        "edit.field.lat": "Latitude",
        "edit.field.long": "Longitude",
        "edit.field.unit_of": "Unit of",
        "edit.field.location": "Place",
        "edit.field.member": "Member",
        "edit.field.network": "Network",
        "edit.field.role": "Role",
        "edit.field.status": "Status",
        "edit.field.responsible_unit": "Responsible unit",
        "edit.field.annual_cost": "Annual cost",
        "edit.field.budget": "Budget",
        "edit.field.currency": "Currency",
        "edit.field.start": "Start",
        "edit.field.end": "End",
        "edit.field.city": "Twin city",
        "edit.field.agreement_type": "Agreement type",
        "edit.field.programme": "Funding programme",
        "edit.field.partners": "Partners",
        "edit.field.project": "Project",
        "edit.field.participant": "Participant",
        "edit.field.participants": "Participants",
        "edit.field.part_of": "Part of",
        "edit.field.target_areas": "Target areas",
        "edit.field.sdgs": "SDGs",
        "edit.field.source_section": "Source: section",
        "edit.field.source_quote": "Source: quote",
        "edit.field.source_reference": "Other source",
        "edit.field.source_url": "Source web address",
        "edit.field.evidence": "Evidence",
        "edit.help.id": "Optional. Short lower-case words, digits and hyphens, e.g. network-icorn. When empty, it "
        "is made from the English name.",
        "edit.help.label_nb": "Write the name as the source writes it in Norwegian (bokmål).",
        "edit.help.label_en": "Write the English name; translate it yourself if the source is Norwegian.",
        "edit.help.label_in": "Write the name in {language}, one of the dataset's languages (every name is needed in "
                              "each of them).",
        "edit.field.label_in": "Name ({language})",
        "edit.help.alt_labels": "Abbreviations and other names, separated by semicolons (e.g. NTNU; NTH).",
        "edit.help.actor_type": "Choose what kind of actor it is: city, municipal unit, university, company, state "
        "agency …",
        "edit.help.activity_type": "Choose what kind of activity it is; when empty, it is an activity of no "
        "particular kind.",
        "edit.help.country": "Choose the country the city lies in (needed for cities).",
        "edit.help.country_missing": "Country not in the list? The Edit page cannot add countries: go to the "
        "“Import” page, choose “Country” under “Template for”, download the template, fill in the names and the ISO "
        "code (e.g. NL for the Netherlands), upload it and press “Import”. Then come back here.",
        "edit.help.lat": "The city's latitude in decimal degrees, e.g. 63.43 (north is positive; needed for cities).",
        "edit.help.long": "The city's longitude in decimal degrees, e.g. 10.39 (east is positive; needed for cities).",
        "edit.help.unit_of": "Choose the municipality (or unit) the municipal unit belongs to (needed for municipal "
        "units).",
        "edit.help.location": "Choose the city the actor is based in, or where the activity took place.",
        "edit.help.member": "Choose the actor that is the member.",
        "edit.help.network": "Choose the network the actor is a member of.",
        "edit.help.role": "Choose the role, e.g. member, board member or chair.",
        "edit.help.status": "Choose active, dormant, ended or planned, as the latest source says.",
        "edit.help.responsible_unit": "Choose the unit of the municipality that owns this.",
        "edit.help.annual_cost": "The annual cost as a number without currency, e.g. 12500 or 12500.50.",
        "edit.help.budget": "The budget as a number without currency, e.g. 2617000.",
        "edit.help.currency": "The currency code (ISO 4217), three capital letters, e.g. NOK or EUR.",
        "edit.help.start": "The year (2019) or the date (2019-03-01 or 01.03.2019) it began.",
        "edit.help.end": "The year (2022) or the date (2022-12-31 or 31.12.2022) it ended; empty while it goes on.",
        "edit.help.retire_end": "Write the year or the date it ended, e.g. 2024 or 31.12.2024.",
        "edit.help.city": "Choose the other city of the agreement (the home city is added by itself).",
        "edit.help.agreement_type": "Choose the kind of agreement, e.g. formal twinning or letter of intent.",
        "edit.help.programme": "Choose the programme that funds the project.",
        "edit.help.partners": "Choose the actors that are partners in the project (each gets a project "
        "participation with the role partner); separate several with semicolons.",
        "edit.help.project": "Choose the project.",
        "edit.help.participant": "Choose the actor that takes part.",
        "edit.help.participants": "Choose the actors that took part; separate several with semicolons.",
        "edit.help.part_of": "Choose the network, project, agreement or working group the activity belongs to.",
        "edit.help.target_areas": "The numbers of the target areas, e.g. 1; 3.",
        "edit.help.sdgs": "The numbers of the SDGs (1–17), e.g. 11; 17.",
        "edit.help.source_section": "Choose the section of the document that states this, and paste the quote.",
        "edit.help.source_quote": "Paste the sentence from the section, word for word.",
        "edit.help.source_reference": "When the source is not a section of a registered document: describe it, "
        "e.g. “E-mail from the EU office, 3 March 2026”.",
        "edit.help.source_url": "Optional: the web address of the source, starting with https://.",
        "edit.help.evidence": "“Stated by the source” when the source says it, “Inferred by the curator” when you "
        "concluded it.",
        "edit.form_help.target_areas": "Choose one or more target areas from the list.",
        "edit.form_help.sdgs": "Choose one or more SDGs (1–17) from the list.",
        "edit.form_help.participants": "Choose the actors that took part.",
        "edit.form_help.made_name": "Optional: when empty, the name is made from what is linked (member and network, "
        "the two cities, project and participant). Fill it in only when the source has a name of its own for this.",
        "edit.what.country": "country",
        "edit.what.unit_of": "city or municipal unit",
        "edit.what.location": "city",
        "edit.what.member": "actor",
        "edit.what.network": "network",
        "edit.what.responsible_unit": "municipal unit",
        "edit.what.city": "city",
        "edit.what.programme": "funding programme",
        "edit.what.partners": "actor",
        "edit.what.project": "project",
        "edit.what.participant": "actor",
        "edit.what.participants": "actor",
        "edit.what.part_of": "network, project, agreement or working group",
        "edit.what.source_section": "section",
        "edit.months": "January,February,March,April,May,June,July,August,September,October,November,December",
        "edit.auto.in": "{a} in {b}",
        "edit.auto.dash": "{a}–{b}",
        "edit.err.unknown_kind": "Unknown kind “{value}”; the kinds are: {known}.",
        "edit.err.unknown_field": "{kind} has no field “{name}”; its fields are: {known}.",
        "edit.err.unknown_choice": "There is no list called “{value}”; use a kind or a field: {known}.",
        "edit.err.required": "“{field}” is missing. {help}",
        "edit.err.required_for": "“{field}” is needed for a {what}. {help}",
        "edit.err.one_value": "“{field}” takes one value only: keep one and remove the others.",
        "edit.err.date": "“{value}” is not a year or a date: write the year (2019) or the date as YYYY-MM-DD or "
        "DD.MM.YYYY, e.g. 2019-03-01 or 01.03.2019.",
        "edit.err.month": "“{value}” is not a date: there is no month {month}; months go from 1 to 12.",
        "edit.err.no_such_day": "The date “{value}” does not exist: {month} {year} has {days} days. Check the day "
        "and the month.",
        "edit.err.year": "The year {year} is outside {min}–{max}: check that the year is written right, with four "
        "digits.",
        "edit.err.end_before_start": "The end ({end}) is before the start ({start}): check the dates (perhaps they "
        "are swapped).",
        "edit.err.amount": "“{value}” is not an amount: write a number without currency, e.g. 12500 or 12500.50.",
        "edit.err.amount_negative": "The amount “{value}” is negative: write the cost as a positive number.",
        "edit.err.amount_ambiguous": "“{value}” can be read two ways: write the amount without thousands "
        "separators, e.g. 12500 or 12500.50.",
        "edit.err.currency": "“{value}” is not a currency code: write the ISO 4217 code in three capital letters, "
        "e.g. NOK or EUR.",
        "edit.err.currency_missing": "The amount has no currency: write the currency code, e.g. NOK or EUR.",
        "edit.err.url": "“{value}” is not a web address: write the whole address, starting with http:// or "
        "https://, without spaces and without the characters < > \" {{ }} | \\ ^ `.",
        "edit.err.number": "“{value}” is not a number from {min} to {max}: write the {field} in decimal degrees, "
        "e.g. 63.43.",
        "edit.err.choice": "“{value}” is not one of the choices for {field}: use one of these: {known}.",
        "edit.err.target_area": "Unknown target area “{value}”; the target areas are: {known}.",
        "edit.err.sdg": "“{value}” is not an SDG: write a number from 1 to 17 (several separated by semicolons).",
        "edit.err.unknown_entity": "There is no {what} called “{value}” in the graph{hint}: write its name as the "
        "graph has it, or its identifier, or add it first.",
        "edit.err.did_you_mean": " (did you mean “{name}”?)",
        "edit.err.ambiguous": "“{value}” fits more than one thing ({things}): use the identifier instead.",
        "edit.err.wrong_kind": "“{value}” cannot be used here: it is registered as “{is_kind}”, and the field "
        "needs: {what}.",
        "edit.err.id_invalid": "“{value}” cannot be an identifier: use lower-case letters, digits and hyphens, e.g. "
        "network-icorn (or a whole http(s) address).",
        "edit.err.id_taken": "The identifier “{value}” is already used by “{label}” <{iri}>: choose another "
        "identifier, or correct the existing one.",
        "edit.err.id_in_batch": "The identifier “{value}” is already used in row {where} of this file: give each row "
        "its own identifier.",
        "edit.err.id_fixed": "The identifier cannot be changed: delete the thing and add it again if it is wrong.",
        "edit.err.source_missing": "The source is missing: every new fact needs one. Choose the section and paste "
        "the quote, or describe the source under “Other source”.",
        "edit.err.quote_missing": "The quote is missing: paste the sentence from the section that states this, word "
        "for word.",
        "edit.err.section_missing": "The quote needs its section: choose the section of the document it comes from, "
        "or move the text to “Other source”.",
        "edit.err.reference_missing": "A web address alone is not enough: describe the source under “Other source” "
        "too (e.g. the page's title and date).",
        "edit.err.no_home_city": "The dataset names no home city (an ikg:homeActor that is a city), so the agreement "
        "has no home party: add the dataset's home actor first.",
        "edit.err.home_not_city": "A twin-city agreement is between two cities, and {home} is not a city but a "
        "{kind}. Cooperation with a region or a city can be recorded as a project or a network membership.",
        "edit.err.same_city": "The twin city must be another city than {home}: choose the twin city.",
        "edit.err.not_found": "There is nothing with the identifier <{iri}> in the graph: pick it from the list.",
        "edit.err.not_editable": "“{label}” ({what}) cannot be edited in the forms: correct it in the Turtle files in "
        "data/.",
        "edit.err.not_retirable": "“{label}” ({what}) cannot be retired; only memberships, twin-city agreements, networks, projects "
        "and activities can be retired. Use “delete” for something entered by mistake.",
        "edit.err.already_ended": "“{label}” already ended in {end}: correct the end instead of retiring it again.",
        "edit.err.vocabulary": "“{label}” belongs to the vocabulary and cannot be deleted here.",
        "edit.err.confirm": "Type the name (“{label}”) or the identifier <{iri}> to confirm the deletion (capitals "
        "or not); you typed “{value}”.",
        "edit.err.referenced": "“{label}” cannot be deleted while other things point at it: {things}. Delete or "
        "correct those first.",
        "edit.err.and_more": " and {n} more",
        "edit.summary.add": "Adds {kind}: “{label}” <{iri}> ({n} triples).",
        "edit.summary.correct": "Corrects {kind} “{label}”: {fields}.",
        "edit.summary.retire": "Retires {kind} “{label}”: {fields}.",
        "edit.summary.delete": "Deletes {kind} “{label}” ({n} triples).",
        "edit.summary.source_only": "new source",
        "tabular.sheet_help": "Help",
        "tabular.sheet_lists": "Lists",
        "tabular.list.refused_title": "Not in the list",
        "tabular.list.refused": "Pick a value from the drop-down list of the column “{column}”. The sheet “{help}” "
        "says what the column accepts.",
        "tabular.list.unlisted_title": "Not in the list",
        "tabular.list.unlisted": "The value is not in the list of “{column}”. It is still accepted if it is an "
        "identifier, another name of something the graph has, or something further up in the file.",
        "tabular.help.column": "Column",
        "tabular.help.required": "Required",
        "tabular.help.what": "What to write",
        "tabular.help.values": "Possible values",
        "tabular.help.intro": "One row per {kind}. Row 1 holds the headers: leave them. Row 2 is an example: "
        "overwrite it or delete it. Several values in one cell are separated by semicolons. Things that exist "
        "(and things further up in the same file) can be named as the graph names them.",
        "tabular.help.all_or_nothing": "The import is all or nothing: if anything is wrong in one row, nothing is "
        "saved, and you get a list of everything to fix, with row and column. Each row adds something new: a row "
        "for something the graph already has (the same name; for a membership, the same member and network) is "
        "refused – change that on the Edit page instead.",
        "tabular.help.needed_for": "for {what}",
        "tabular.example.reference": "E-mail from the international relations unit, 3 March 2026",
        "tabular.warn.example_row": "Row {rows} is the template's example row (its source is {url}). If you "
        "confirm, it is imported as real data: delete the row, or type in your own values and their source, and "
        "import the file again.",
        "tabular.warn.encoding": "The file is not saved as UTF-8, so it was read as {encoding} (what Excel saves as "
        "“CSV”). Check that æ, ø, å and other letters are right in the file's values; if they "
        "are not, save the file as “CSV UTF-8” and import it again.",
        "tabular.warn.stale": "Row {row} has the status “{status}” but ends in {end}, which is past: set the status "
        "“{ended}” if it is over, or correct the end date.",
        "tabular.warn.example_rows": "Rows {rows} have the template's example source ({url}). If you confirm, they "
        "are imported as real data: delete them, or type in your own values and their sources, and import the "
        "file again.",
        "tabular.example.quote": "(paste the sentence from the section here)",
        "tabular.example.network_nb": "Eksempelnettverket",
        "tabular.example.network_en": "The Example Network",
        "tabular.example.project_nb": "Eksempelprosjektet",
        "tabular.example.project_en": "The Example Project",
        "tabular.example.activity_nb": "Eksempelseminaret",
        "tabular.example.activity_en": "The Example Seminar",
        "tabular.example.actor_nb": "Eksempelforeningen",
        "tabular.example.actor_en": "The Example Society",
        "tabular.err.empty": "The file is empty: fill in the template (row 1 holds the headers, one row per thing) "
        "and import it again.",
        "tabular.err.no_rows": "The file has headers but no rows of data: fill in one row per thing under the "
        "headers.",
        "tabular.err.too_many_rows": "The file has more than {max} rows of data: split it into files of at most "
        "{max} rows.",
        "tabular.err.format": "“{name}” is neither CSV nor Excel (.xlsx): save the file as CSV (UTF-8) or as an "
        "Excel workbook (.xlsx).",
        "tabular.err.encoding": "The file is not UTF-8: save it as “CSV UTF-8” (in Excel: Save as › CSV UTF-8).",
        "tabular.err.csv": "The file cannot be read as CSV ({detail}): save it again as CSV UTF-8.",
        "tabular.err.xlsx": "The file cannot be read as an Excel workbook (.xlsx): open it in Excel and save it as "
        ".xlsx, or save it as CSV UTF-8.",
        "tabular.err.sheet": "The workbook has no sheet for {wanted}: its sheets are {found}. Name the sheet holding "
        "the data one of: {expected}.",
        "tabular.any_kind": "any kind",
        "tabular.kind_column": "Kind",
        "tabular.err.headers_mixed": "The column headers do not fit: {detail}. With a column “Kind” the columns "
        "can be: {expected}. The templates show them (on the Import page, or `ikg template all --out FOLDER`).",
        "tabular.err.row_kind": "Unknown kind “{value}”: write one of {known}.",
        "tabular.err.row_kind_missing": "The kind is missing: write one of {known}.",
        "tabular.err.not_for_kind": "This column is not used for rows of the kind {kind}: leave the cell empty.",
        "tabular.help.mixed": "To add several kinds in one file (e.g. a network and then memberships in it), add "
        "a column “Kind” with each row's kind, and the columns of those kinds' templates.",
        "tabular.preview.one": "1 row read from {name}: {things}.",
        "tabular.err.sheets_many": "The workbook has sheets for several kinds ({found}): import one kind at a time, "
        "or choose the kind (the Import page's “What the table holds”, or `ikg import --kind KIND`).",
        "tabular.err.headers": "The column headers do not fit {kind}: {detail}. The columns are: {expected} (those "
        "marked * must be there). The template shows them (on the Import page, or `ikg template {name} --out FOLDER`).",
        "tabular.err.headers_unknown": "unknown {columns}",
        "tabular.err.headers_missing": "missing {columns}",
        "tabular.err.headers_twice": "several columns for the same field: {columns}",
        "tabular.err.kind_unknown": "Cannot tell what kind of thing the file holds: its columns fit no template "
        "({columns}). Choose the kind (on the Import page, or `ikg import --kind KIND`), or use a template: {kinds}.",
        "tabular.err.kind_ambiguous": "The columns fit several kinds ({kinds}): choose the kind (on the Import page, or "
        "`ikg import --kind KIND`).",
        "tabular.err.formula": "The cell holds a formula ({value}): write the value itself.",
        "tabular.err.extra_fields": "The row has {n} fields, but the header has {m}: a value with “{sep}” in it must "
                                    "be in quotes (\"11{sep} 17\"), or it is split into two fields.",
        "tabular.err.sheet_header": "Row 1 must hold the headers, but it is empty: paste the headers from the "
        "template.",
        "tabular.err.from_failed_row": "“{value}” is added by row {row} of this file, which has a problem of its "
                                       "own: mend row {row} first.",
        "tabular.problem.cell": "Row {row}, column {column}: {message}",
        "tabular.problem.row": "Row {row}: {message}",
        "tabular.preview": "{rows} rows read from {name}: {things}.",
        "tabular.preview.none": "nothing new",
        "tabular.count": "{n} × {kind}",
        "tabular.err.exists": "The name “{value}” is already used by the {kind} “{label}” <{iri}> in the graph: to "
        "change it, do so on the Edit page; if the row is about something else, give it a name of its own; "
        "otherwise remove the row.",
        "tabular.err.exists.membership": "“{a}” is already a member of “{b}” in the graph (“{label}” <{iri}>): to "
        "change that membership, do so on the Edit page; otherwise remove this row.",
        "tabular.err.exists.participation": "“{a}” already takes part in “{b}” in the graph (“{label}” <{iri}>): "
        "to change that participation, do so on the Edit page; otherwise remove this row.",
        "tabular.err.exists.twin-city-agreement": "The graph already has a twin-city agreement of the type “{type}” "
        "between “{a}” and “{b}” (“{label}” <{iri}>): to change it, do so on the Edit page; otherwise remove this row.",
        "tabular.err.same_as_row": "The row adds the same {kind} as row {row} of this file (“{label}”): keep only "
        "one of the two rows.",
        "edit.err.correct.exists": "The name “{value}” is already used by the {kind} “{label}” <{iri}> in the "
        "graph: give this one a name of its own; if the two are the same thing, correct the other and delete this one.",
        "edit.err.correct.exists.membership": "“{a}” is already a member of “{b}” in the graph (“{label}” <{iri}>), "
        "in a period that overlaps this one: correct that membership instead, or give the two periods that do not "
        "overlap.",
        "edit.err.correct.exists.participation": "“{a}” already takes part in “{b}” in the graph (“{label}” "
        "<{iri}>), in a period that overlaps this one: correct that participation instead, or give the two periods "
        "that do not overlap.",
        "edit.err.correct.exists.twin-city-agreement": "The graph already has a twin-city agreement of the type "
        "“{type}” between “{a}” and “{b}” (“{label}” <{iri}>), in a period that overlaps this one: correct that "
        "agreement instead, or give the two periods that do not overlap.",
        "edit.err.exists": "The name “{value}” is already used by the {kind} “{label}” <{iri}> in the graph: to "
        "change that, choose “Correct”; if this is about something else, give it a name of its own.",
        "edit.err.exists.membership": "“{a}” is already a member of “{b}” in the graph (“{label}” <{iri}>), in a "
        "period that overlaps: to change that membership, choose “Correct”; if this is a new membership after the "
        "old one ended, give the old one its end date first.",
        "edit.err.exists.participation": "“{a}” already takes part in “{b}” in the graph (“{label}” <{iri}>), in a "
        "period that overlaps: to change that participation, choose “Correct”; if this is a new participation after "
        "the old one ended, give the old one its end date first.",
        "edit.err.exists.twin-city-agreement": "The graph already has a twin-city agreement of the type “{type}” "
        "between “{a}” and “{b}” (“{label}” <{iri}>), in a period that overlaps: to change that agreement, choose "
        "“Correct”; if this is a new agreement after the old one ended, give the old one its end date first.",
    },
}
