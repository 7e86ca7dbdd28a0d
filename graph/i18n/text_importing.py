"""Texts of graph/parsing.py, graph/uploads.py and graph/importing.py (nb and en), merged into graph.i18n.

The English `parse.*` texts are the parser's messages as the CLI has always printed them.
"""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        # graph/parsing.py: the text after "FILE:LINE:COL: "
        "parse.no_file": "filen finnes ikke; sjekk navnet og mappen",
        "parse.folder": "er en mappe, ikke en fil som kan leses; oppgi RDF-filene i den, av typene {known}",
        "cli.import.folder": "{name} er en mappe: ikg import tar én fil om gangen, av typene {known}.",
        "parse.permission": "kan ikke leses (mangler tilgang)",
        "parse.unreadable": "kan ikke leses ({why})",
        "parse.unknown_type": "ukjent filtype «{suffix}»; bruk en av {known}",
        "parse.binary": "dette er en binærfil, ikke RDF-tekst; gi en .ttl-, .nt- eller .jsonld-fil",
        "parse.not_utf8": "ikke UTF-8-tekst (byte 0x{byte}); lagre filen som UTF-8",
        "parse.unterminated": "denne teksten avsluttes aldri; legg til de avsluttende anførselstegnene",
        "parse.eof": "uventet slutt på filen: den siste setningen er ikke ferdig; er filen kuttet, eller mangler "
        "det et '.', ']', ')' eller et avsluttende anførselstegn?",
        "parse.unknown_prefix": "ukjent prefiks «{prefix}:» — deklarer det med @prefix {prefix}: <…> .",
        "parse.expected_dot": "her skulle det stått '.' som avslutter setningen; mangler det et '.', ';' eller "
        "',' foran dette?",
        "parse.newline_in_string": "en tekst har ikke noe avsluttende anførselstegn på linjen sin; avslutt den "
        'med ", eller bruk """ for tekst over flere linjer',
        "parse.syntax": "syntaksfeil: {why}",
        "parse.cannot_read": "kan ikke leses som {fmt}: {detail}",
        "parse.cannot_read_plain": "kan ikke leses som {fmt}",
        "parse.bad_line": "ikke en gyldig {fmt}-linje; skriv <subjekt> <predikat> objekt .",
        "parse.not_json": "ikke gyldig JSON: {why}",
        "parse.too_deep": "JSON-en er nøstet for dypt til å leses; gjør strukturen flatere",
        "parse.remote_context": "{what} «{ref}» måtte ha blitt hentet fra et annet sted; legg konteksten inn i "
        "filen som et JSON-objekt i stedet",
        "parse.offline": "å lese denne filen ville hentet {url} fra nettet, og ingenting hentes noen gang fra "
        "nettet; legg det filen trenger inn i selve filen",
        "parse.lit.gyear": "er ikke et gyldig årstall (xsd:gYear); skriv fire sifre, f.eks. 1996",
        "parse.lit.gyearmonth": "er ikke en gyldig måned (xsd:gYearMonth); skriv f.eks. 2012-05",
        "parse.lit.date": "er ikke en gyldig dato (xsd:date); skriv år-måned-dag, f.eks. 2012-05-03",
        "parse.lit.decimal": "er ikke et gyldig desimaltall (xsd:decimal); skriv sifre med punktum, f.eks. 63.43",
        "parse.lit.integer": "er ikke et heltall (xsd:integer); skriv bare sifre, f.eks. 3",
        "parse.lit.double": "er ikke et gyldig tall (xsd:double); skriv f.eks. 49984.0",
        "parse.lit.boolean": "er ikke en gyldig sannhetsverdi (xsd:boolean); skriv true eller false",
        "parse.lit.ill_typed": "er ikke en gyldig verdi av typen sin <{datatype}>",
        "parse.lit.more": " (og {n} verdier til av samme slag)",
        # what Python's json says is wrong, in words (after "ikke gyldig JSON: ")
        "parse.json.value": "her skulle det stått en verdi (tekst i doble anførselstegn, et tall, true, false, null, "
        "et objekt eller en liste); er det et komma for mye, eller mangler verdien etter ':'?",
        "parse.json.name": "her skulle det stått et navn i doble anførselstegn, f.eks. \"@id\"; er det et komma for "
        "mye foran, eller står navnet i enkle anførselstegn?",
        "parse.json.comma": "her skulle det stått et komma mellom to elementer",
        "parse.json.colon": "her skulle det stått et kolon mellom et navn og verdien",
        "parse.json.unclosed": "denne teksten i anførselstegn avsluttes aldri; legg til det avsluttende \"",
        "parse.json.control": "en tekst i anførselstegn har et linjeskift eller en tabulator; skriv det som \\n eller \\t",
        "parse.json.escape": "denne omvendte skråstreken innleder ingen gyldig escape-sekvens; skriv \\\\ for en omvendt "
        "skråstrek, eller \\uXXXX med fire heksadesimale sifre",
        "parse.json.extra": "det står mer etter slutten av JSON-dokumentet; fjern det, eller samle alle delene i én "
        "liste [ … ]",
        "parse.json.other": "sjekk anførselstegn, komma og parenteser her",
        # Oxigraph's bulk loader: what is wrong is in the engine's own (English) words
        "load.engine_line": "linja er ikke gyldig {fmt}; rett den. Databasemotorens tekniske melding (på engelsk): "
        "{detail}",
        "load.cannot": "{path}: kan ikke lastes: {detail}",
        "load.lines_from": "{path}: linjene fra {first}: {detail}",
        # opening a store (graph/store)
        "store.bad_scheme": "«{setting}» er ikke et lager ikg kan åpne: adresser som begynner med {scheme}:// "
        "støttes ikke. Oppgi en mappe (f.eks. .ikg-store), oxigraph:MAPPE, memory eller adressen til et "
        "SPARQL-endepunkt, http(s)://…/sparql (--store eller IKG_STORE).",
        "store.not_a_folder": "kan ikke åpne lageret i {path}: {found} er en fil, ikke en mappe. Et lager er en mappe: "
        "oppgi en ny mappe eller en som allerede har et ikg-lager (eller memory, eller http(s)://…/sparql).",
        "store.no_permission": "kan ikke åpne lageret i {path}: ikg har ikke lov til å skrive der. Gi deg selv "
        "skrivetilgang til mappen, eller velg en annen med --store.",
        "store.cannot_open": "kan ikke åpne lageret i {path}: {detail}",
        "store.cannot_open_locked": "kan ikke åpne lageret i {path}: {detail} (bruker en annen ikg eller appen det? "
        "`./scripts/run` deler lageret med ikg-kommandoer; ellers lukk den først)",
        "store.unreachable": "kan ikke nå SPARQL-serveren på {url}: {reason}; sjekk at serveren kjører og at "
        "adressen stemmer (--store eller IKG_STORE)",
        "store.reason.refused": "tilkoblingen ble avvist",
        "store.reason.unknown_host": "maskinnavnet er ukjent",
        "store.reason.no_route": "nettverket når ikke fram til maskinen",
        "store.reason.tls": "TLS-håndtrykket (https) mislyktes",
        "store.reason.bad_url": "adressen er ikke gyldig",
        "store.reason.other": "{detail}",
        "store.timeout": "SPARQL-serveren på {url} svarte ikke innen {seconds} s; prøv igjen, forenkle spørringen, "
        "eller øk IKG_TIMEOUT",
        "store.bad_timeout": "IKG_TIMEOUT={value!r} er ikke et antall sekunder; skriv et tall, f.eks. 60",
        "store.bad_auth": "ukjent autentisering {value!r}; bruk digest eller basic (IKG_AUTH)",
        "store.bad_graph": "ikke en gyldig graf-IRI: {value!r} (IKG_GRAPH); skriv en hel IRI uten mellomrom, "
        "f.eks. urn:ikg",
        # graph/uploads.py
        "upload.empty": "{name} er tom: velg filen på nytt, eller sjekk at den ble lagret.",
        "upload.too_big": "{name} er {size}, mer enn grensen på {limit}: del den opp i mindre filer, eller be "
        "den som drifter verktøyet om å heve IKG_MAX_UPLOAD_MB.",
        "upload.too_big_read": "{name} er større enn grensen på {limit} (lesingen ble stoppet der): del den opp i "
        "mindre filer, eller be den som drifter verktøyet om å heve IKG_MAX_UPLOAD_MB.",
        "tabular.err.declared_size": "Arket «{sheet}» oppgir området {range}, større enn en tabell kan være (høyst "
        "{max_rows} rader og {max_columns} kolonner): kopier bare tabellen over i et nytt ark eller en ny arbeidsbok "
        "og lagre på nytt.",
        "tabular.err.sheet_too_long": "Lesingen av arket «{sheet}» stoppet ved rad {at}: en tabell kan ha høyst "
        "{max_rows} rader og {cells} celler: fjern tomme rader og alt under tabellen, eller del den opp.",
        "tabular.err.too_many_columns": "Rad {at} i arket «{sheet}» har data i kolonne {column}; en "
        "tabell kan ha høyst {max} kolonner: fjern det som står til høyre for tabellen.",
        "upload.bad_limit": "IKG_MAX_UPLOAD_MB må være et positivt antall megabyte, ikke «{value}».",
        "upload.unknown_type": "{name}: filer av denne typen kan ikke importeres; bruk Turtle (.ttl), JSON-LD "
        "(.jsonld eller .json), N-Triples (.nt), CSV (.csv) eller Excel (.xlsx).",
        "upload.rdf_xml": "{name} er RDF/XML, som ikke tas imot (en XML-leser kan lures til å utvide entiteter "
        "uten ende eller lese filer på tjeneren): gjør den om til Turtle på din egen maskin først, f.eks. med "
        "`rdfpipe -i xml -o turtle {name} > fil.ttl`, og importer .ttl-filen.",
        "upload.xml_content": "{name} inneholder XML, ikke {kind}: RDF/XML tas ikke imot; gjør den om til "
        "Turtle på din egen maskin først, f.eks. med `rdfpipe -i xml -o turtle fil.rdf > fil.ttl`, og importer "
        ".ttl-filen.",
        "upload.doctype": "{name}, linje {line}: filen inneholder en DOCTYPE- eller ENTITY-deklarasjon "
        "(«{found}»), og det avvises fordi den kan få en leser til å utvide entiteter uten ende; fjern "
        "deklarasjonen (Turtle, JSON-LD, N-Triples og CSV trenger den aldri).",
        "upload.utf16": "{name} er lagret som UTF-16; lagre filen som UTF-8 (i Excel: «CSV UTF-8») og importer den "
        "på nytt.",
        "upload.binary": "{name} inneholder binære data, ikke {kind}-tekst: sjekk at du valgte riktig fil.",
        "upload.zip_in_text": "{name} er en zip-fil (kanskje en Excel-arbeidsbok), ikke {kind}-tekst: er det "
        "en arbeidsbok, gi den endelsen .xlsx.",
        "upload.not_utf8": "{name}, linje {line}, kolonne {col}: teksten er ikke UTF-8 (byte 0x{byte}); lagre "
        "filen som UTF-8 (i Excel: «CSV UTF-8») og importer den på nytt.",
        "upload.not_json": "{name} inneholder ikke JSON (JSON-LD begynner med «{{» eller «[»): sjekk at du "
        "valgte riktig fil; en Turtle-fil skal ha endelsen .ttl.",
        "upload.not_zip": "{name} er ikke en Excel-arbeidsbok: en .xlsx-fil er et zip-arkiv, og denne er det "
        "ikke; åpne den i Excel og lagre den som «Excel-arbeidsbok (.xlsx)».",
        "upload.old_excel": "{name} er en eldre Excel-fil (.xls) eller en passordbeskyttet arbeidsbok: lagre "
        "den som «Excel-arbeidsbok (.xlsx)» uten passord.",
        "upload.not_xlsx": "{name} er et zip-arkiv, men ikke en Excel-arbeidsbok (delen {part} mangler): lagre "
        "den fra Excel som «Excel-arbeidsbok (.xlsx)».",
        "upload.damaged_zip": "{name} er skadet ({why}): lagre arbeidsboka på nytt fra Excel.",
        "upload.encrypted": "{name} er passordbeskyttet: fjern passordet i Excel og importer den på nytt.",
        "upload.too_many_parts": "{name} har {n} deler, flere enn {max} som en arbeidsbok kan ha her: lagre "
        "arkene som CSV i stedet.",
        "upload.zip_bomb_size": "{name} avvises: den ville pakket seg ut til {size} (grensen er {limit}); dette "
        "er ikke et vanlig regneark: lagre arket som CSV, eller del det opp.",
        "upload.zip_bomb_ratio": "{name} avvises: delen {part} er pakket sammen {ratio} ganger (mer enn {max} "
        "ganger er en zip-bombe, ikke et regneark); lagre arbeidsboka på nytt fra Excel, eller lagre arket som "
        "CSV.",
        "upload.xlsx_doctype": "{name}: delen {part} inneholder en DOCTYPE- eller ENTITY-deklarasjon, og det "
        "avvises fordi den kan få en leser til å utvide entiteter uten ende; lagre arbeidsboka på nytt fra Excel.",
        "upload.size.bytes": "{n} byte",
        "upload.size.kb": "{n} kB",
        "upload.size.mb": "{n} MB",
        "upload.kind.turtle": "Turtle",
        "upload.kind.json-ld": "JSON-LD",
        "upload.kind.nt": "N-Triples",
        "upload.kind.csv": "CSV",
        # graph/importing.py
        "validate.refused_one": "{name} ville blitt avvist ved import; rett dette problemet og valider igjen:",
        "validate.refused_many": "{name} ville blitt avvist ved import; rett disse {n} problemene og valider igjen:",
        "import.refused_one": "{name} ble ikke importert, og ingenting er endret; rett dette problemet og "
        "prøv igjen:",
        "import.refused_many": "{name} ble ikke importert, og ingenting er endret; rett disse {n} problemene "
        "og prøv igjen:",
        "import.at_line": "linje {line}",
        "import.at_line_col": "linje {line}, kolonne {col}",
        "import.no_triples": "filen inneholder ingen utsagn; det er ingenting å importere.",
        "import.bad_iri": "«{iri}» er ikke en gyldig IRI (den har mellomrom, anførselstegn, klammer, kontrolltegn eller mangler skjema som https:): skriv en fullstendig IRI, f.eks. <https://example.org/nettverk-a>",
        "import.relative_iri": "den relative IRI-en <{iri}> har ingen base: skriv hele IRI-en, f.eks. "
        "<https://example.org/{iri}>, eller legg @base <…> øverst i filen.",
        "import.owl_imports": "owl:imports <{url}> avvises: importer følges ikke, og ingenting hentes noen gang "
        "fra nettet; fjern utsagnet og legg de utsagnene du trenger inn i denne filen (eller importer den "
        "filen for seg).",
        "import.ontology_term": "filen sier noe om {term}, et begrep i vokabularet; filer kan bare inneholde "
        "data, ikke endre ontologien (ontology/ikg.ttl): fjern disse utsagnene.",
        "import.unknown_term": "{term} finnes ikke i vokabularet (ontology/ikg.ttl): rett skrivemåten{hint}.",
        "import.did_you_mean": " (mente du {term}?)",
        "import.known_ones": " (grafen har {items})",
        "import.misspelt_namespace": "<{iri}> finnes ikke i vokabularet, og navnerommet er nesten {ns}: sjekk "
        "@prefix-linjen{hint}.",
        "import.foreign_term": "<{iri}> brukes ingen steder i grafen og finnes ikke i vokabularet; spørsmålene og "
        "appen vil ikke vise det.",
        "import.change_record": "<{iri}> er en post i endringsloggen; loggen skrives bare av verktøyet selv: "
        "fjern disse utsagnene fra filen.",
        "import.type_conflict": "<{iri}> finnes allerede i grafen som {old}{label}; denne filen gir den "
        "typen {new}: bruk en ny IRI for en ny ting, eller behold typen den har.",
        "import.label_conflict": "<{iri}> finnes allerede med navnet «{old}»@{tag}; denne filen kaller den "
        "«{new}»@{tag}: bruk en ny IRI for en ny ting, eller bruk navnet den har (endre navnet i appen for å "
        "gi den nytt navn).",
        "import.missing_ref": "det finnes ingen {kinds} <{iri}> i grafen eller i denne filen ({prop}): bruk "
        "IRI-en til noe som finnes, eller definer det i filen{hint}.",
        "import.or": "eller",
        "import.same_name": "«{label}» <{iri}> har samme navn som {kind} <{other}> som allerede finnes; er det "
        "samme ting, bruk den IRI-en.",
        "import.needs_source": "<{iri}> finnes allerede i grafen, og filen legger til utsagn om den uten kilde: legg til "
        "ikg:citation [ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] (eller ikg:reference \"…\") på <{iri}> "
        "i samme fil.",
        "import.ambiguous_name": "navnet «{name}» på <{iri}> kan ikke skilles fra «{other_name}», som <{other}> "
        "allerede har; da ville oppslag på navnet bli tvetydig: velg et annet navn, eller bruk <{other}>.",
        "import.unsafe_name": "navnet {field} på <{iri}> har usynlige tegn, kontrolltegn, linjeskift eller tegn som snur "
        "skriveretningen ({chars}): fjern dem (et navn er én linje med synlig tekst; kommentarer og sitater kan ha slike tegn).",
        "edit.err.hidden_in_name": "Navnet har usynlige tegn eller tegn som snur skriveretningen ({chars}), så det "
        "ser ut som noe annet enn det er; skriv det inn på nytt uten dem.",
        "edit.err.amount_range": "Beløpet «{value}» er utenfor 0–{max} eller har mer enn to desimaler: sjekk tallet.",
        "import.year_range": "året i {field} «{value}» er utenfor {min}–{max}, som også skjema og regneark krever: "
        "sjekk at det er riktig skrevet.",
        "import.amount_range": "beløpet {field} «{value}» er utenfor 0–{max} eller har mer enn to desimaler, som også "
        "skjema og regneark krever: sjekk tallet.",
        "validate.tables": "{name} er en tabell (CSV eller Excel): `ikg validate` sjekker RDF-filer; prøv tabellen med "
        "`ikg import {name} --dry-run`.",
        "import.surrogate": "teksten i {field} «{value}» har et ensomt surrogat (\\uD800–\\uDFFF), som ikke er et tegn "
        "og ikke kan lagres: fjern det, eller skriv tegnet som var ment (f.eks. \\U0001F600 for ett tegn utenfor BMP).",
        "fault.corrupt": "Grafen i {store} er skadet ({detail}). Ingenting mer ble lest eller skrevet. Flytt mappen "
        "til side (f.eks. `mv {store} {store}.skadet`) og legg inn siste sikkerhetskopi i en ny: `ikg --store {store} "
        "restore FIL` (kopien lages med `ikg backup FIL`), eller bygg grafen på nytt fra de leverte dataene med "
        "`ikg --store {store} reset --from-data` (endringer siden da går tapt).",
        "fault.disk_full": "Disken er full ({detail}): ingenting ble lagret. Frigjør plass på disken der {store} ligger, "
        "og prøv igjen; grafen beholder det som var lagret før.",
        "fault.locked": "Grafen i {store} brukes av en annen prosess, prosess {pid} ({command}), som holder låsen: lukk den (eller "
        "vent til den er ferdig) og prøv igjen, eller bruk en annen --store.",
        "fault.locked_unknown": "Grafen i {store} brukes av en annen prosess som holder låsen (en annen ikg eller "
        "appen): lukk den (eller vent til den er ferdig) og prøv igjen, eller bruk en annen --store.",
        "import.too_many_triples": "{name} har {n} tripler, mer enn grensen på {limit} for én import "
        "(IKG_MAX_TRIPLES): del filen opp.",
        "import.nothing_new": "{name} tilfører ingenting nytt: alt i den finnes allerede i grafen.",
        "import.other_store": "Denne forhåndsvisningen ble laget for en annen graf; last opp filen på nytt.",
        "import.why_default": "Importert fra {name}",
        "import.preview.title": "Import av {name}",
        "import.preview.counts": "{add} opplysninger (RDF-tripler) legges til, {remove} fjernes.",
        "import.preview.values": "Verdiene fra filen:",
        "import.preview.values_more": "… og {n} til.",
        "import.preview.values_untold": "Endringen er for stor til at hver verdi kan vises; tallene over sier hvor "
        "mye den legger til og fjerner.",
        "import.preview.nothing": "Ingenting nytt: alt i filen finnes allerede i grafen.",
        "import.preview.new": "Nye ting ({n}):",
        "import.preview.changed": "Ting som endres ({n}):",
        "import.preview.kind_count": "{kind}: {n}",
        "import.preview.warnings": "Merk:",
        "import.no_kind": "(uten type)",
        "import.saved": "Lagret som endring {id} ({add} lagt til, {remove} fjernet); angre med `ikg undo {id}`.",
        "import.dry_run": "Ingenting ble skrevet (--dry-run).",
        "cli.import.question": "Importere {name} likevel, med merknadene over?",
    },
    "en": {
        # graph/parsing.py: the text after "FILE:LINE:COL: "
        "parse.no_file": "no such file; check the name and folder",
        "parse.folder": "is a folder, not a file to read; name the RDF files in it, of the types {known}",
        "cli.import.folder": "{name} is a folder: ikg import takes one file at a time, of the types {known}.",
        "parse.permission": "cannot be read (permission denied)",
        "parse.unreadable": "cannot be read ({why})",
        "parse.unknown_type": "unknown file type '{suffix}'; use one of {known}",
        "parse.binary": "this is a binary file, not RDF text; give a .ttl, .nt or .jsonld file",
        "parse.not_utf8": "not UTF-8 text (byte 0x{byte}); save the file as UTF-8",
        "parse.unterminated": "this string is never closed; add the closing quotes",
        "parse.eof": "unexpected end of file: the last statement is not finished; is the file cut short, or a "
        "'.', ']', ')' or closing quote missing?",
        "parse.unknown_prefix": "unknown prefix '{prefix}:' — declare it with @prefix {prefix}: <…> .",
        "parse.expected_dot": "expected '.' to end the statement here; is a '.', ';' or ',' missing before this?",
        "parse.newline_in_string": "a string has no closing quote on its line; close it with \", or use \"\"\" "
        "for text over several lines",
        "parse.syntax": "syntax error: {why}",
        "parse.cannot_read": "cannot be read as {fmt}: {detail}",
        "parse.cannot_read_plain": "cannot be read as {fmt}",
        "parse.bad_line": "not a valid {fmt} line; write <subject> <predicate> object .",
        "parse.not_json": "not valid JSON: {why}",
        "parse.too_deep": "the JSON is nested too deeply to be read; make its structure flatter",
        "parse.remote_context": "the {what} '{ref}' would be fetched from elsewhere; put the context in the file "
        "as a JSON object instead",
        "parse.offline": "reading this file would fetch {url} from the network, and nothing is ever fetched "
        "from the network; put what the file needs in the file itself",
        "parse.lit.gyear": "is not a valid year (xsd:gYear); write four digits, e.g. 1996",
        "parse.lit.gyearmonth": "is not a valid month (xsd:gYearMonth); write e.g. 2012-05",
        "parse.lit.date": "is not a valid date (xsd:date); write year-month-day, e.g. 2012-05-03",
        "parse.lit.decimal": "is not a valid decimal number (xsd:decimal); write digits with a point, e.g. 63.43",
        "parse.lit.integer": "is not a whole number (xsd:integer); write digits only, e.g. 3",
        "parse.lit.double": "is not a valid number (xsd:double); write e.g. 49984.0",
        "parse.lit.boolean": "is not a valid truth value (xsd:boolean); write true or false",
        "parse.lit.ill_typed": "is not a valid value of its type <{datatype}>",
        "parse.lit.more": " (and {n} more such values)",
        # what Python's json says is wrong, in words (after "not valid JSON: ")
        "parse.json.value": "a value was expected here (text in double quotes, a number, true, false, null, "
        "an object or a list); is there a comma too many, or is the value after ':' missing?",
        "parse.json.name": "a name in double quotes was expected here, e.g. \"@id\"; is there a comma too many before "
        "it, or is the name in single quotes?",
        "parse.json.comma": "a comma was expected here, between two entries",
        "parse.json.colon": "a colon was expected here, between a name and its value",
        "parse.json.unclosed": "this text in quotes is never closed; add the closing \"",
        "parse.json.control": "a text in quotes holds a line break or a tab; write it as \\n or \\t",
        "parse.json.escape": "this backslash starts no valid escape; write \\\\ for a backslash, or \\uXXXX with four "
        "hexadecimal digits",
        "parse.json.extra": "more follows the end of the JSON document; remove it, or put all the parts in one "
        "list [ … ]",
        "parse.json.other": "check the quotes, commas and brackets here",
        # Oxigraph's bulk loader: what is wrong is in the engine's own words
        "load.engine_line": "the line is not valid {fmt}; fix it. The database engine's technical message: {detail}",
        "load.cannot": "{path}: cannot load: {detail}",
        "load.lines_from": "{path}: lines from {first}: {detail}",
        # opening a store (graph/store)
        "store.bad_scheme": "'{setting}' is not a store ikg can open: addresses starting with {scheme}:// are not "
        "supported. Give a folder (e.g. .ikg-store), oxigraph:FOLDER, memory, or a SPARQL endpoint's address, "
        "http(s)://…/sparql (--store or IKG_STORE).",
        "store.not_a_folder": "cannot open the store in {path}: {found} is a file, not a folder. A store is a folder: "
        "give a new folder or one that holds an ikg store (or memory, or http(s)://…/sparql).",
        "store.no_permission": "cannot open the store in {path}: ikg may not write there. Give yourself write access "
        "to the folder, or choose another with --store.",
        "store.cannot_open": "cannot open the store in {path}: {detail}",
        "store.cannot_open_locked": "cannot open the store in {path}: {detail} (is another ikg or the app using it? "
        "`./scripts/run` shares the store with ikg commands; otherwise close it first)",
        "store.unreachable": "cannot reach the SPARQL server at {url}: {reason}; check that the server is running "
        "and the address is right (--store or IKG_STORE)",
        "store.reason.refused": "connection refused",
        "store.reason.unknown_host": "the host name is unknown",
        "store.reason.no_route": "the network cannot reach the host",
        "store.reason.tls": "the TLS (https) handshake failed",
        "store.reason.bad_url": "the URL is not valid",
        "store.reason.other": "{detail}",
        "store.timeout": "the SPARQL server at {url} did not answer within {seconds} s; try again, simplify the "
        "query, or raise IKG_TIMEOUT",
        "store.bad_timeout": "IKG_TIMEOUT={value!r} is not a number of seconds; write a number, e.g. 60",
        "store.bad_auth": "unknown authentication {value!r}; use digest or basic (IKG_AUTH)",
        "store.bad_graph": "not a valid graph IRI: {value!r} (IKG_GRAPH); write a whole IRI without spaces, "
        "e.g. urn:ikg",
        # graph/uploads.py
        "upload.empty": "{name} is empty: choose the file again, or check that it was saved.",
        "upload.too_big": "{name} is {size}, over the limit of {limit}: split it into smaller files, or ask "
        "whoever runs the tool to raise IKG_MAX_UPLOAD_MB.",
        "upload.too_big_read": "{name} is larger than the limit of {limit} (reading stopped there): split it into "
        "smaller files, or ask whoever runs the tool to raise IKG_MAX_UPLOAD_MB.",
        "tabular.err.declared_size": "The sheet “{sheet}” declares the range {range}, larger than a table can be (at "
        "most {max_rows} rows and {max_columns} columns): copy just the table into a new sheet or workbook and save "
        "it again.",
        "tabular.err.sheet_too_long": "Reading the sheet “{sheet}” stopped at row {at}: a table can have at most "
        "{max_rows} rows and {cells} cells: remove empty rows and everything below the table, or split it.",
        "tabular.err.too_many_columns": "Row {at} of the sheet “{sheet}” has data in column {column}; a table can have at most {max} columns: remove what is to the right of the table.",
        "upload.bad_limit": "IKG_MAX_UPLOAD_MB must be a positive number of megabytes, not “{value}”.",
        "upload.unknown_type": "{name}: files of this type cannot be imported; use Turtle (.ttl), JSON-LD "
        "(.jsonld or .json), N-Triples (.nt), CSV (.csv) or Excel (.xlsx).",
        "upload.rdf_xml": "{name} is RDF/XML, which is not accepted (an XML reader can be made to expand "
        "entities without end or to read files on the server): convert it to Turtle on your own machine first, "
        "e.g. with `rdfpipe -i xml -o turtle {name} > file.ttl`, and import the .ttl file.",
        "upload.xml_content": "{name} contains XML, not {kind}: RDF/XML is not accepted; convert it to Turtle "
        "on your own machine first, e.g. with `rdfpipe -i xml -o turtle file.rdf > file.ttl`, and import the "
        ".ttl file.",
        "upload.doctype": "{name}, line {line}: the file contains a DOCTYPE or ENTITY declaration (“{found}”), "
        "which is refused because it can make a reader expand entities without end; remove the declaration "
        "(Turtle, JSON-LD, N-Triples and CSV never need one).",
        "upload.utf16": "{name} is saved as UTF-16; save the file as UTF-8 (in Excel: “CSV UTF-8”) and import it "
        "again.",
        "upload.binary": "{name} contains binary data, not {kind} text: check that you chose the right file.",
        "upload.zip_in_text": "{name} is a zip file (perhaps an Excel workbook), not {kind} text: if it is a "
        "workbook, name it .xlsx.",
        "upload.not_utf8": "{name}, line {line}, column {col}: the text is not UTF-8 (byte 0x{byte}); save the "
        "file as UTF-8 (in Excel: “CSV UTF-8”) and import it again.",
        "upload.not_json": "{name} does not contain JSON (JSON-LD starts with “{{” or “[”): check that you chose "
        "the right file; a Turtle file is named .ttl.",
        "upload.not_zip": "{name} is not an Excel workbook: an .xlsx file is a zip archive and this one is not; "
        "open it in Excel and save it as “Excel Workbook (.xlsx)”.",
        "upload.old_excel": "{name} is an old Excel file (.xls) or a password-protected workbook: save it as "
        "“Excel Workbook (.xlsx)” without a password.",
        "upload.not_xlsx": "{name} is a zip archive but not an Excel workbook (it has no {part}): save it from "
        "Excel as “Excel Workbook (.xlsx)”.",
        "upload.damaged_zip": "{name} is damaged ({why}): save the workbook again from Excel.",
        "upload.encrypted": "{name} is password-protected: remove the password in Excel and import it again.",
        "upload.too_many_parts": "{name} has {n} parts, more than the {max} a workbook may have here: save the "
        "sheets as CSV instead.",
        "upload.zip_bomb_size": "{name} is refused: it would unpack to {size} (the limit is {limit}); this is not "
        "an ordinary spreadsheet: save the sheet as CSV, or split it.",
        "upload.zip_bomb_ratio": "{name} is refused: its part {part} is compressed {ratio} times (more than {max} "
        "times is a zip bomb, not a spreadsheet); save the workbook again from Excel, or save the sheet as CSV.",
        "upload.xlsx_doctype": "{name}: the part {part} contains a DOCTYPE or ENTITY declaration, which is "
        "refused because it can make a reader expand entities without end; save the workbook again from Excel.",
        "upload.size.bytes": "{n} bytes",
        "upload.size.kb": "{n} KB",
        "upload.size.mb": "{n} MB",
        "upload.kind.turtle": "Turtle",
        "upload.kind.json-ld": "JSON-LD",
        "upload.kind.nt": "N-Triples",
        "upload.kind.csv": "CSV",
        # graph/importing.py
        "validate.refused_one": "{name} would be refused by an import; fix this problem and validate again:",
        "validate.refused_many": "{name} would be refused by an import; fix these {n} problems and validate again:",
        "import.refused_one": "{name} was not imported and nothing was changed; fix this problem and try again:",
        "import.refused_many": "{name} was not imported and nothing was changed; fix these {n} problems and try "
        "again:",
        "import.at_line": "line {line}",
        "import.at_line_col": "line {line}, column {col}",
        "import.no_triples": "the file holds no statements; there is nothing to import.",
        "import.bad_iri": "“{iri}” is not a valid IRI (it holds a space, quote, brace or control character, or has no scheme such as https:): write a full IRI, e.g. <https://example.org/network-a>",
        "import.relative_iri": "the relative IRI <{iri}> has no base: write the full IRI, e.g. "
        "<https://example.org/{iri}>, or put @base <…> at the top of the file.",
        "import.owl_imports": "owl:imports <{url}> is refused: imports are not followed and nothing is ever "
        "fetched from the network; remove the statement and put the statements you need in this file (or import "
        "that file on its own).",
        "import.ontology_term": "the file says something about {term}, a term of the vocabulary; files may only "
        "hold data, not change the ontology (ontology/ikg.ttl): remove these statements.",
        "import.unknown_term": "{term} is not in the vocabulary (ontology/ikg.ttl): correct the spelling{hint}.",
        "import.did_you_mean": " (did you mean {term}?)",
        "import.known_ones": " (the graph has {items})",
        "import.misspelt_namespace": "<{iri}> is not in the vocabulary, and its namespace is nearly {ns}: check "
        "the @prefix line{hint}.",
        "import.foreign_term": "<{iri}> is used nowhere in the graph and is not in the vocabulary; the questions "
        "and the app will not show it.",
        "import.change_record": "<{iri}> is a record of the change history, which only the tool itself writes: "
        "remove these statements from the file.",
        "import.type_conflict": "<{iri}> is already in the graph as {old}{label}; this file gives it the type "
        "{new}: use a new IRI for a new thing, or keep the type it has.",
        "import.label_conflict": "<{iri}> already exists with the name “{old}”@{tag}; this file calls it "
        "“{new}”@{tag}: use a new IRI for a new thing, or use the name it has (rename it in the app).",
        "import.missing_ref": "there is no {kinds} <{iri}> in the graph or in this file ({prop}): use the IRI of "
        "one that exists, or define it in the file{hint}.",
        "import.or": "or",
        "import.same_name": "“{label}” <{iri}> has the same name as the {kind} <{other}> already in the graph; "
        "if it is the same thing, use that IRI.",
        "import.needs_source": "<{iri}> is already in the graph and this file adds statements about it without a "
        "source: add ikg:citation [ ikg:section …; ikg:quote \"…\"; ikg:evidence ikg:stated ] (or ikg:reference \"…\") "
        "on <{iri}> in the same file.",
        "import.ambiguous_name": "the name “{name}” of <{iri}> cannot be told apart from “{other_name}”, which "
        "<{other}> already has, so looking things up by name would be ambiguous: choose another name, or use <{other}>.",
        "import.unsafe_name": "the name {field} of <{iri}> holds invisible, control, line-break or text-direction "
        "characters ({chars}): remove them (a name is one line of visible text; comments and quotes may hold such characters).",
        "edit.err.hidden_in_name": "The name holds invisible or text-direction characters ({chars}), so it looks "
        "like something it is not; type it again without them.",
        "edit.err.amount_range": "The amount “{value}” is outside 0–{max} or has more than two decimals: check the number.",
        "import.year_range": "the year in {field} “{value}” is outside {min}–{max}, as forms and spreadsheets also "
        "require: check that it is written right.",
        "import.amount_range": "the amount {field} “{value}” is outside 0–{max} or has more than two decimals, as forms "
        "and spreadsheets also require: check the number.",
        "validate.tables": "{name} is a table (CSV or Excel): `ikg validate` checks RDF files; try the table with "
        "`ikg import {name} --dry-run`.",
        "import.surrogate": "the text in {field} “{value}” holds a lone surrogate (\\uD800–\\uDFFF), which is not a "
        "character and cannot be stored: remove it, or write the character meant (e.g. \\U0001F600 for one outside the BMP).",
        "fault.corrupt": "The store in {store} is damaged ({detail}). Nothing more was read or written. Move the "
        "folder aside (e.g. `mv {store} {store}.damaged`) and load the latest backup into a new one: `ikg --store "
        "{store} restore FILE` (made with `ikg backup FILE`), or rebuild the store from the shipped data with "
        "`ikg --store {store} reset --from-data` (edits made since then are lost).",
        "fault.disk_full": "The disk is full ({detail}): nothing was saved. Free some space on the disk of {store} and "
        "try again; the store keeps what was saved before.",
        "fault.locked": "The store in {store} is in use by another process, process {pid} ({command}), which holds its lock: close it "
        "(or wait until it is done) and try again, or use another --store.",
        "fault.locked_unknown": "The store in {store} is in use by another process that holds its lock (another ikg "
        "or the app): close it (or wait until it is done) and try again, or use another --store.",
        "import.too_many_triples": "{name} holds {n} triples, more than the limit of {limit} for one import "
        "(IKG_MAX_TRIPLES): split the file.",
        "import.nothing_new": "{name} adds nothing new: everything in it is already in the graph.",
        "import.other_store": "This preview was made for another graph; upload the file again.",
        "import.why_default": "Imported from {name}",
        "import.preview.title": "Import of {name}",
        "import.preview.counts": "{add} facts (RDF triples) to add, {remove} to remove.",
        "import.preview.values": "The values from the file:",
        "import.preview.values_more": "… and {n} more.",
        "import.preview.values_untold": "The change is too large to show each value; the counts above say how much "
        "it adds and removes.",
        "import.preview.nothing": "Nothing new: everything in the file is already in the graph.",
        "import.preview.new": "New things ({n}):",
        "import.preview.changed": "Things that change ({n}):",
        "import.preview.kind_count": "{kind}: {n}",
        "import.preview.warnings": "Note:",
        "import.no_kind": "(no type)",
        "import.saved": "Saved as change {id} ({add} added, {remove} removed); undo it with `ikg undo {id}`.",
        "import.dry_run": "Nothing was written (--dry-run).",
        "cli.import.question": "Import {name} all the same, with the notes above?",
    },
}
