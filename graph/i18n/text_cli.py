"""Texts of `ikg --help`: every command's and option's help, the names of the values options take, and
argparse's own words (its headings and its messages about a command line it cannot read).

The `cli.argparse.*` texts are argparse's own in English, word for word (graph/cli/parser.py looks each
up by that English text while argparse writes it); their `%(name)s` and `%s` stay as they are. No help
text may hold a lone `%`: argparse fills `%(default)s` and the like in help texts.
"""

EPILOG_EN = """\
store: --store PATH (an Oxigraph folder, the default is .ikg-store in the project), --store memory
(a throw-away graph from data/), or --store http://host/sparql (a SPARQL 1.1 server; IKG_UPDATE_URL,
IKG_USER and IKG_PASSWORD from the environment). IKG_STORE sets the default.

examples:
  ikg query twin-cities
  ikg query collaborators --param actor="Innovasjon Norge"
  ikg query members --param network=ICORN --format csv
  ikg gaps --since 2010
  ikg review --format md
  ikg export --format graphml --out network.graphml
  ikg import memberships.xlsx --dry-run
  ikg history
  ikg undo 20261122
  ikg backup backups/ikg-2026-11-22.nt.gz
"""

EPILOG_NB = """\
lager: --store STI (en Oxigraph-mappe, standard er .ikg-store i prosjektet), --store memory
(en graf fra data/ som kastes etterpå), eller --store http://vert/sparql (en SPARQL 1.1-tjener; IKG_UPDATE_URL,
IKG_USER og IKG_PASSWORD fra miljøet). IKG_STORE setter standarden.

eksempler (--lang nb, eller IKG_LANG=nb i miljøet, gir svar og meldinger på norsk):
  ikg --lang nb query twin-cities
  ikg --lang nb query collaborators --param actor="Innovasjon Norge"
  ikg --lang nb query members --param network=ICORN --format csv
  ikg --lang nb gaps --since 2010
  ikg --lang nb review --format md
  ikg export --format graphml --out nettverk.graphml
  ikg import medlemskap.xlsx --dry-run
  ikg history
  ikg undo 20261122
  ikg backup sikkerhetskopier/ikg-2026-11-22.nt.gz
"""

REVIEW_EPILOG_EN = """\
examples:
  ikg review                                  the items with their assessment in the current round
  ikg review --round "Review 2019-2022" --format csv
  ikg review --format xlsx --out review.xlsx  the workbook to fill in (see `ikg review import`)
  ikg review --format html --out report.html  the printable report for the politicians
  ikg review rounds                           every round with its status
  ikg review progress                         assessed / total by kind and responsible unit, and what is left
  ikg review open "Review 2019-2022"          open (or reopen) a round; `close` makes it read-only
  ikg review new "Review 2027"                start a new round
  ikg review import review.xlsx               take a filled-in workbook back: all of it or nothing
"""

REVIEW_EPILOG_NB = """\
eksempler:
  ikg review                                  sakene med vurderingen i gjeldende runde
  ikg review --round "Gjennomgang 2019-2022" --format csv
  ikg review --format xlsx --out gjennomgang.xlsx  arbeidsboken som fylles ut (se `ikg review import`)
  ikg review --format html --out rapport.html  rapporten til politikerne, klar til utskrift
  ikg review rounds                           alle rundene med status
  ikg review progress                         vurdert / totalt etter slag og ansvarlig enhet, og hva som gjenstår
  ikg review open "Gjennomgang 2019-2022"     åpne (eller gjenåpne) en runde; `close` gjør den skrivebeskyttet
  ikg review new "Gjennomgang 2027"           start en ny runde
  ikg review import gjennomgang.xlsx          ta en utfylt arbeidsbok inn igjen: alt eller ingenting
"""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        "cli.help.description": "En kunnskapsgraf over en bys internasjonale relasjoner: aktører, nettverk, medlemskap, "
        "vennskapsbyer, prosjekter, målområder og bærekraftsmål, hvert faktum med kilde.",
        "cli.help.epilog": EPILOG_NB,
        "cli.help.version": "vis programmets versjon og avslutt",
        "cli.help.store": "hvor grafen er: en mappe, 'memory' eller adressen til et SPARQL-endepunkt",
        "cli.help.lang": "språket i navn, meldinger og hjelp (standard: IKG_LANG, ellers en)",
        "cli.lang_ignored": "ikg: merk: IKG_LANG={value} er ikke et språk ikg kan ({known}); svarer på engelsk.",
        "cli.help.editor": "navnet ditt, lagret med endringen (standard: IKG_EDITOR eller brukernavnet ditt)",
        "cli.help.why": "hvorfor du gjør endringen (lagres med den)",
        "cli.help.validate": "kontroller de medfølgende dataene, eller gitte filer, mot formreglene",
        "cli.help.validate.files": "Turtle-/JSON-LD-filer som skal kontrolleres (standard: de medfølgende dataene)",
        "cli.help.queries": "list de navngitte spørsmålene, hvert med hva det spør om",
        "cli.help.query": "svar på et navngitt spørsmål eller kjør en .rq-fil som bare leser",
        "cli.help.query.epilog": "En egen .rq-fil kjører i en egen prosess og bare leser; den stoppes etter "
        "IKG_QUERY_SECONDS (standard 10), over IKG_QUERY_MEMORY_MB (1024) minne, og kuttes ved IKG_QUERY_ROWS "
        "(1000) rader.",
        "cli.help.query.name": "navnet på et spørsmål (se `ikg queries`) eller stien til en .rq-fil",
        "cli.help.query.param": "en parameter, f.eks. actor=NTNU",
        "cli.help.format": "formatet på svaret",
        "cli.help.format.file": "formatet på filen som skrives",
        "cli.help.stats": "tell hva grafen inneholder, og hvor stort nettverket er",
        "cli.help.gaps": "hull i porteføljen, hvert med hvorfor det betyr noe",
        "cli.help.gaps.since": "vennskapsbyer uten aktivitet siden dette året (standard 2010)",
        "cli.help.export": "skriv grafen som ttl, jsonld, nt, graphml (Gephi), csv eller xlsx",
        "cli.help.export.out": "filen som skal skrives (en mappe for csv)",
        "cli.help.export.data": "skriv grafens data (uten begrepsapparat og historikk) som Turtle per slag, "
        "slik som data/",
        "cli.help.load": "masseinnlasting av RDF-filer i det valgte lageret, uten kontroll og uten endringslogg (ikg import kontrollerer og kan angres)",
        "cli.help.load.files": "N-Triples-, N-Quads-, Turtle- eller andre RDF-filer",
        "cli.help.reset": "bygg lageret på nytt fra ontology/ og data/ (spør først)",
        "cli.help.reset.from_data": "bygg på nytt fra vokabularet og datamappen (den grafen ble startet fra, eller IKG_DATA)",
        "cli.help.reset.export_first": "skriv lagerets data til denne mappen (som `export --data`) før "
        "nullstillingen",
        "cli.help.yes": "ikke spør om bekreftelse",
        "cli.help.reset.drop_assessments": "fjern også vurderingene fra gjennomgangen",
        "cli.help.import": "importer en CSV-, XLSX-, Turtle-, N-Triples- eller JSON-LD-fil: alt eller, hvis noe er galt, "
        "ingenting",
        "cli.help.import.file": "filen som skal importeres",
        "cli.help.import.kind": "for CSV: hvilket slag ting radene er (se malene)",
        "cli.help.import.yes": "importer uten å spørre når forhåndsvisningen har merknader (en eksempelrad, en gjettet "
        "tegnkoding)",
        "cli.help.dry_run": "kontroller og vis hva som ville endres, uten å skrive noe",
        "cli.help.history": "list de registrerte endringene, eller vis én med --show ID",
        "cli.help.history.limit": "hvor mange endringer som listes (nyeste først; standard 30)",
        "cli.help.history.show": "vis triplene én endring la til og fjernet",
        "cli.help.undo": "angre en registrert endring (som en ny endring)",
        "cli.help.undo.id": "endringens id fra `ikg history` (en entydig begynnelse på 4 tegn eller flere "
        "holder)",
        "cli.help.backup": "skriv et konsistent øyeblikksbilde av lageret til en fil",
        "cli.help.backup.path": "en .nt- eller .nt.gz-fil",
        "cli.help.password": "lag linjen editor_password_hash til .streamlit/secrets.toml (spør etter passordet)",
        "cli.help.restore": "erstatt lagerets innhold med en sikkerhetskopi (spør først; registreres, så den "
        "kan angres)",
        "cli.help.restore.path": "sikkerhetskopien: en .nt- eller .nt.gz-fil fra `ikg backup`",
        "cli.help.init": "start en ny bys graf: skriv en datamappe og fyll lageret fra den (spør, eller tar "
        "flagg)",
        "cli.help.init.epilog": "Navn gis i rekkefølgen til dataspråkene, 'norsk | engelsk' som standard (eller "
        "ett navn for alle); med --languages sv,en som 'svensk | engelsk'. Uten flaggene, og i en terminal, spør "
        "init etter hvert svar. Etterpå bruker alle kommandoer den datamappen for dette lageret.",
        "cli.help.init.data": "den nye datamappen som skal skrives (den kan ikke ha noen .ttl ennå)",
        "cli.help.init.kind": "hva slags organisasjon som starter grafen: kommune (standard), fylkeskommune eller et "
                              "annet slag aktør, f.eks. 'universitet eller høgskole'; et ukjent slag gir listen",
        "cli.help.init.name": "organisasjonens navn på det første dataspråket, f.eks. 'Bergen kommune'",
        "cli.help.init.name_en": "organisasjonens navn på engelsk (standard: det første)",
        "cli.help.init.city": "hjembyen, f.eks. Bergen",
        "cli.help.init.country": "landets ISO 3166-kode, f.eks. NO",
        "cli.help.init.lat": "byens breddegrad, f.eks. 60.39",
        "cli.help.init.long": "byens lengdegrad, f.eks. 5.32",
        "cli.help.init.languages": "språkene i dataenes navn, i rekkefølge, f.eks. sv,en (standard nb,en): "
        "hvert navn gis på hvert av dem",
        "cli.help.init.document": "et strategidokument, 'norsk | engelsk' (gjenta for flere)",
        "cli.help.init.document_url": "dokumentets nettadresse (i samme rekkefølge)",
        "cli.help.init.document_date": "dokumentets dato (i samme rekkefølge)",
        "cli.help.init.target_area": "et målområde i strategien, 'norsk | engelsk' (gjenta, i strategiens "
        "rekkefølge)",
        "cli.help.init.namespace": "begynnelsen på byens IRI-er (standard: laget av navnet)",
        "cli.help.init.replace": "erstatt et lager som har registrerte endringer (én registrert endring, kan "
        "angres)",
        "cli.help.init.no_fill": "bare skriv datamappen",
        "cli.help.template": "skriv regnearkmalene som skal fylles ut, for ett slag eller alle",
        "cli.help.template.kind": "et slag (actor, network, membership, country, place, document, …) eller all",
        "cli.help.template.out": "mappen det skrives til",
        "cli.help.catalogue": "skriv katalogfilen for et nytt språk i grensesnittet (f.eks. sv) som skal "
        "oversettes; kjør igjen på den for å legge til nye tekster og kontrollere den",
        "cli.help.catalogue.epilog": "Legg den utfylte filen i {folder} eller i mappen ${env} peker på; språket "
        "dukker da opp i appens språkvalg og i --lang. Tekster som står tomme, vises på engelsk.",
        "cli.help.catalogue.code": "språkets kode, f.eks. sv, de, fr, nn",
        "cli.help.catalogue.out": ".po-filen som skal skrives (en som finnes fra før, oppdateres)",
        "cli.help.review": "gjennomgangen i punkt 5.1: vurderinger per runde, runder, framdrift, arbeidsboken og "
        "rapporten",
        "cli.help.review.epilog": REVIEW_EPILOG_NB,
        "cli.help.review.action": "hva som skal gjøres (standard show: gjennomgangstabellen)",
        "cli.help.review.target": "runden (open, close, new) eller arbeidsboken (import)",
        "cli.help.review.round": "runden, ved navn eller IRI (standard: den siste åpne runden)",
        "cli.help.review.format": "table og md skriver ut tabellen; csv, xlsx og html skriver appens filer (md med "
        "--out skriver rapporten)",
        "cli.help.review.out": "filen som skal skrives (trengs for xlsx og html)",
        "cli.help.review.dry_run": "import: kontroller og si hva som ville endres, uten å skrive noe",
        "cli.help.share": "start, stopp eller sjekk Oxigraphs tjener over lagringsmappen, så appen og "
        "ikg-kommandoer deler den",
        "cli.help.share.epilog": "`./scripts/run` starter den sammen med appen og stopper den etterpå. Mens den "
        "kjører, leser og skriver alle ikg-kommandoer på samme mappe gjennom den (den finnes ved filen "
        "MAPPE.server ved siden av mappen).",
        "cli.help.share.action": "start, stop eller status",
        "cli.help.share.port": "port på 127.0.0.1 (standard: en ledig)",
        "cli.help.serve": "et SPARQL-endepunkt som bare leser (/sparql) og en side for hver IRI i grafen, for "
        "andre verktøy",
        "cli.help.serve.epilog": "Bare spørringer (endringer avvises), stoppet etter IKG_QUERY_SECONDS og avvist "
        "over IKG_QUERY_ROWS rader. Forespørsler fra andre opphav avvises hvis ikke --cors nevner opphavet.",
        "cli.help.serve.host": "adressen det lyttes på (standard 127.0.0.1: bare denne maskinen)",
        "cli.help.serve.port": "port (standard 8000)",
        "cli.help.serve.cors": "la nettsider fra dette opphavet (f.eks. https://example.org) spørre; '*' for alle",
        "cli.metavar.command": "KOMMANDO",
        "cli.metavar.store": "LAGER",
        "cli.metavar.lang": "SPRÅK",
        "cli.metavar.name": "NAVN",
        "cli.metavar.reason": "GRUNN",
        "cli.metavar.file": "FIL",
        "cli.metavar.files": "FILER",
        "cli.metavar.folder": "MAPPE",
        "cli.metavar.key_value": "NØKKEL=VERDI",
        "cli.metavar.year": "ÅR",
        "cli.metavar.number": "ANTALL",
        "cli.metavar.id": "ID",
        "cli.metavar.kind": "SLAG",
        "cli.metavar.question": "SPØRSMÅL",
        "cli.metavar.round": "RUNDE",
        "cli.metavar.target": "RUNDE_ELLER_FIL",
        "cli.metavar.city": "BY",
        "cli.metavar.country": "LANDKODE",
        "cli.metavar.degrees": "GRADER",
        "cli.metavar.languages": "SPRÅKKODER",
        "cli.metavar.title": "TITTEL",
        "cli.metavar.url": "URL",
        "cli.metavar.date": "DATO",
        "cli.metavar.iri": "IRI",
        "cli.metavar.code": "KODE",
        "cli.metavar.host": "VERT",
        "cli.metavar.port": "PORT",
        "cli.metavar.origin": "OPPHAV",
        "cli.argparse.usage": "bruk: ",
        "cli.argparse.positionals": "argumenter",
        "cli.argparse.options": "valg",
        "cli.argparse.help": "vis denne hjelpeteksten og avslutt",
        "cli.argparse.error": "%(prog)s: feil: %(message)s\n",
        "cli.argparse.argument": "argumentet %(argument_name)s: %(message)s",
        "cli.argparse.required": "disse argumentene mangler: %s",
        "cli.argparse.one_required": "ett av argumentene %s må gis",
        "cli.argparse.unrecognized": "ukjente argumenter: %s",
        "cli.argparse.not_allowed": "kan ikke gis sammen med argumentet %s",
        "cli.argparse.ignored": "tar ingen verdi, men fikk %r",
        "cli.argparse.expected_one": "mangler en verdi",
        "cli.argparse.expected_at_most_one": "tar høyst én verdi",
        "cli.argparse.expected_at_least_one": "trenger minst én verdi",
        "cli.argparse.ambiguous": "tvetydig valg: %(option)s kan være %(matches)s",
        "cli.argparse.invalid_value": "ugyldig tall: %(value)r",
        "cli.err.port": "«{value}» er ikke et portnummer: gi et heltall fra 0 til 65535",
        "cli.argparse.invalid_choice": "ugyldig valg: %(value)r (velg blant %(choices)s)",
        "cli.argparse.unexpected": "uventet valg: %s",
    },
    "en": {
        "cli.help.description": "A knowledge graph of a city's international relationships: actors, networks, "
        "memberships, twin cities, projects, target areas and SDGs, every fact with its source.",
        "cli.help.epilog": EPILOG_EN,
        "cli.help.version": "show the program's version and exit",
        "cli.help.store": "where the graph is: a folder, 'memory' or a SPARQL endpoint URL",
        "cli.help.lang": "language of labels, messages and help (default: IKG_LANG, else en)",
        "cli.lang_ignored": "ikg: note: IKG_LANG={value} is not a language ikg speaks ({known}); answering in English.",
        "cli.help.editor": "your name, saved with the change (default: IKG_EDITOR or your login)",
        "cli.help.why": "why you make this change (saved with it)",
        "cli.help.validate": "check the shipped data, or given files, against the shapes",
        "cli.help.validate.files": "Turtle/JSON-LD files to check (default: the shipped data)",
        "cli.help.queries": "list the named questions, each with what it asks",
        "cli.help.query": "answer a named question or run a read-only .rq file",
        "cli.help.query.epilog": "A .rq file of your own runs read-only in a separate process, stopped after "
        "IKG_QUERY_SECONDS (default 10), above IKG_QUERY_MEMORY_MB (1024) of memory, and cut at IKG_QUERY_ROWS "
        "(1000) rows.",
        "cli.help.query.name": "a question name (see `ikg queries`) or a path to a .rq file",
        "cli.help.query.param": "a parameter, e.g. actor=NTNU",
        "cli.help.format": "the answer's format",
        "cli.help.format.file": "the format of the file written",
        "cli.help.stats": "count what the graph holds, and the size of the network",
        "cli.help.gaps": "gaps in the portfolio, each with why it matters",
        "cli.help.gaps.since": "twin cities with no activity since this year (default 2010)",
        "cli.help.export": "write the graph as ttl, jsonld, nt, graphml (Gephi), csv or xlsx",
        "cli.help.export.out": "file to write (a folder for csv)",
        "cli.help.export.data": "write the graph's data (no vocabulary, no history) as Turtle per kind, like data/",
        "cli.help.load": "bulk-load RDF files into the configured store, unchecked and unrecorded (ikg import checks and can be undone)",
        "cli.help.load.files": "N-Triples, N-Quads, Turtle or other RDF files",
        "cli.help.reset": "rebuild the store from ontology/ and data/ (asks first)",
        "cli.help.reset.from_data": "rebuild from the vocabulary and the data folder (the one the graph was started from, or IKG_DATA)",
        "cli.help.reset.export_first": "write the store's data to this folder (as `export --data`) before the reset",
        "cli.help.yes": "do not ask for confirmation",
        "cli.help.reset.drop_assessments": "also remove the review assessments",
        "cli.help.import": "import a CSV, XLSX, Turtle, N-Triples or JSON-LD file: all of it or, if anything is wrong, "
        "nothing",
        "cli.help.import.file": "the file to import",
        "cli.help.import.kind": "for CSV: which kind of thing the rows are (see the templates)",
        "cli.help.import.yes": "import without asking when the preview has notes (an example row, a guessed encoding)",
        "cli.help.dry_run": "check and show what would change, write nothing",
        "cli.help.history": "list the recorded changes, or show one with --show ID",
        "cli.help.history.limit": "how many changes to list (newest first; default 30)",
        "cli.help.history.show": "show the triples one change added and removed",
        "cli.help.undo": "undo a recorded change (as a new change)",
        "cli.help.undo.id": "the change's id from `ikg history` (a unique prefix of 4+ characters is enough)",
        "cli.help.backup": "write a consistent snapshot of the store to a file",
        "cli.help.backup.path": "an .nt or .nt.gz file",
        "cli.help.password": "make the editor_password_hash line for .streamlit/secrets.toml (asks for the password)",
        "cli.help.restore": "replace the store's content by a backup (asks first; recorded, so it can be undone)",
        "cli.help.restore.path": "the backup: an .nt or .nt.gz file from `ikg backup`",
        "cli.help.init": "start a new city's graph: write a data folder and fill the store from it (asks, or takes "
        "flags)",
        "cli.help.init.epilog": "Names are given in the data languages' order, 'Norwegian | English' by default (or "
        "one name for all); with --languages sv,en as 'Swedish | English'. Without the flags, and in a terminal, "
        "init asks for each answer. Afterwards every command uses that data folder for this store.",
        "cli.help.init.data": "the new data folder to write (must hold no .ttl yet)",
        "cli.help.init.kind": "the kind of organisation that starts the graph: municipality (default), county or "
                              "another kind of actor, e.g. university; an unknown kind lists them all",
        "cli.help.init.name": "the organisation's name in the first data language, e.g. 'Bergen kommune'",
        "cli.help.init.name_en": "the organisation's name in English (default: the first one)",
        "cli.help.init.city": "the home city, e.g. Bergen",
        "cli.help.init.country": "the country's ISO 3166 code, e.g. NO",
        "cli.help.init.lat": "the city's latitude, e.g. 60.39",
        "cli.help.init.long": "the city's longitude, e.g. 5.32",
        "cli.help.init.languages": "the languages of the data labels in order, e.g. sv,en (default nb,en): every "
        "name is given in each of them",
        "cli.help.init.document": "a strategy document, 'Norwegian | English' (repeat for several)",
        "cli.help.init.document_url": "its web address (in order)",
        "cli.help.init.document_date": "its date (in order)",
        "cli.help.init.target_area": "a target area of the strategy, 'Norwegian | English' (repeat, in the "
        "strategy's order)",
        "cli.help.init.namespace": "the base of the city's IRIs (default from the name)",
        "cli.help.init.replace": "replace a store that holds recorded changes (one recorded change, undoable)",
        "cli.help.init.no_fill": "only write the data folder",
        "cli.help.template": "write the spreadsheet templates to fill in, for one kind or all kinds",
        "cli.help.template.kind": "a kind (actor, network, membership, country, place, document, …) or all",
        "cli.help.template.out": "the folder to write into",
        "cli.help.catalogue": "write the catalogue file of a further UI language (e.g. sv) to translate; run again "
        "on it to add new texts and check it",
        "cli.help.catalogue.epilog": "Put the filled file in {folder} or in the folder ${env} names; the language "
        "then appears in the app's language switch and in --lang. Texts left empty show in English.",
        "cli.help.catalogue.code": "the language's code, e.g. sv, de, fr, nn",
        "cli.help.catalogue.out": "the .po file to write (an existing one is updated)",
        "cli.help.review": "the section 5.1 review: assessments per round, rounds, progress, the workbook and report",
        "cli.help.review.epilog": REVIEW_EPILOG_EN,
        "cli.help.review.action": "what to do (default show: the review table)",
        "cli.help.review.target": "the round (open, close, new) or the workbook (import)",
        "cli.help.review.round": "the round, by name or IRI (default: the latest open round)",
        "cli.help.review.format": "table and md print the table; csv, xlsx and html write the app's files (md with "
        "--out writes the report)",
        "cli.help.review.out": "file to write (needed for xlsx and html)",
        "cli.help.review.dry_run": "import: check and say what would change, write nothing",
        "cli.help.share": "start, stop or check Oxigraph's server over the store folder, so the app and ikg "
        "commands share it",
        "cli.help.share.epilog": "`./scripts/run` starts it with the app and stops it after. While it runs, every "
        "ikg command on the same folder reads and writes through it (found by the file FOLDER.server beside the "
        "folder).",
        "cli.help.share.action": "start, stop or status",
        "cli.help.share.port": "port on 127.0.0.1 (default: a free one)",
        "cli.help.serve": "a read-only SPARQL endpoint (/sparql) and a page for each IRI of the graph, for other "
        "tools",
        "cli.help.serve.epilog": "Queries only (updates are refused), stopped after IKG_QUERY_SECONDS and refused "
        "above IKG_QUERY_ROWS rows. Cross-origin requests are refused unless --cors names an origin.",
        "cli.help.serve.host": "address to listen on (default 127.0.0.1: this machine only)",
        "cli.help.serve.port": "port (default 8000)",
        "cli.help.serve.cors": "allow browser pages from this origin (e.g. https://example.org) to query; '*' for any",
        "cli.metavar.command": "COMMAND",
        "cli.metavar.store": "STORE",
        "cli.metavar.lang": "LANG",
        "cli.metavar.name": "NAME",
        "cli.metavar.reason": "REASON",
        "cli.metavar.file": "FILE",
        "cli.metavar.files": "FILES",
        "cli.metavar.folder": "FOLDER",
        "cli.metavar.key_value": "KEY=VALUE",
        "cli.metavar.year": "YEAR",
        "cli.metavar.number": "NUMBER",
        "cli.metavar.id": "ID",
        "cli.metavar.kind": "KIND",
        "cli.metavar.question": "QUESTION",
        "cli.metavar.round": "ROUND",
        "cli.metavar.target": "ROUND_OR_FILE",
        "cli.metavar.city": "CITY",
        "cli.metavar.country": "COUNTRY_CODE",
        "cli.metavar.degrees": "DEGREES",
        "cli.metavar.languages": "LANGUAGE_CODES",
        "cli.metavar.title": "TITLE",
        "cli.metavar.url": "URL",
        "cli.metavar.date": "DATE",
        "cli.metavar.iri": "IRI",
        "cli.metavar.code": "CODE",
        "cli.metavar.host": "HOST",
        "cli.metavar.port": "PORT",
        "cli.metavar.origin": "ORIGIN",
        "cli.argparse.usage": "usage: ",
        "cli.argparse.positionals": "positional arguments",
        "cli.argparse.options": "options",
        "cli.argparse.help": "show this help message and exit",
        "cli.argparse.error": "%(prog)s: error: %(message)s\n",
        "cli.argparse.argument": "argument %(argument_name)s: %(message)s",
        "cli.argparse.required": "the following arguments are required: %s",
        "cli.argparse.one_required": "one of the arguments %s is required",
        "cli.argparse.unrecognized": "unrecognized arguments: %s",
        "cli.argparse.not_allowed": "not allowed with argument %s",
        "cli.argparse.ignored": "ignored explicit argument %r",
        "cli.argparse.expected_one": "expected one argument",
        "cli.argparse.expected_at_most_one": "expected at most one argument",
        "cli.argparse.expected_at_least_one": "expected at least one argument",
        "cli.argparse.ambiguous": "ambiguous option: %(option)s could match %(matches)s",
        "cli.argparse.invalid_value": "invalid %(type)s value: %(value)r",
        "cli.err.port": "“{value}” is not a port number: give a whole number from 0 to 65535",
        "cli.argparse.invalid_choice": "invalid choice: %(value)r (choose from %(choices)s)",
        "cli.argparse.unexpected": "unexpected option string: %s",
    },
}
