"""Texts of the named questions and the read-only check: unknown questions, names and parameters, and
queries that may not run (nb and en), merged into graph.i18n."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        "word.gone": "borte", "word.new": "ny", "word.both": "begge", "word.cost": "mangler", "word.effect": "mangler",
        "word.no_activity": "ingen registrert",
        "word.membership": "medlemskap", "word.agreement": "avtale",
        "console.bad_escape": "{escape} er ikke et gyldig tegn (\\u- og \\U-koder må gi et Unicode-tegn)",
        "console.example_value": "Eksempel: ?{name} er «{label}» (VALUES nedenfor); bytt IRI-en for å spørre om noe annet.",
        "sparql.rows.one": "{n} rad",
        "query.bad_setting": "{name}={value!r} er ikke et positivt tall; skriv et tall over null, f.eks. "
        "{name}=10, eller fjern innstillingen for å bruke standardverdien",
        "query.busy": "to spørringer kjører allerede; prøv igjen om et øyeblikk",
        "query.timeout": "spørringen tok mer enn {seconds} s og ble stoppet; avgrens den eller legg til LIMIT",
        "query.memory": "spørringen ble stoppet: den trengte mer enn {mb} MB minne; snevre den inn",
        "query.crashed": "spørremotoren klarte ikke denne spørringen og ble stoppet; skriv den om",
        "question.unknown": "det finnes ikke noe spørsmål som heter {name}; spørsmålene er: {names}",
        "question.unknown_close": "det finnes ikke noe spørsmål som heter {name}; mente du {close}?",
        "question.no_file": "finner ikke spørringsfila {path}",
        "question.no_columns": "{question}: spørringen har ikke kolonnen(e) {columns}",
        "question.no_replaced": "{question} trenger --param older=… og --param newer=… (grafen har ikke to "
        "daterte kildedokumenter å sammenligne)",
        "name.too_long": "et navn har høyst {max} tegn; dette har {n}",
        "name.bad_iri": "{value!r} er ikke en gyldig IRI: en IRI har ingen mellomrom og ingen av "
        "< > \" {{ }} | \\ ^ `",
        "name.ambiguous": "flere ting av slaget {word} heter {value!r} ({iris}); oppgi IRI-en i stedet",
        "name.unknown": "ingen {word} heter {value}; grafen har {n} slike, blant dem {some}",
        "name.unknown_one": "ingen {word} heter {value}; grafen har bare denne: {some}",
        "name.unknown_none": "ingen {word} heter {value}; grafen har ingen slike ennå",
        "name.unknown_close": "ingen {word} heter {value}; mente du {close}?",
        "kind.actor": "aktør",
        "kind.document": "dokument",
        "param.bad_lang": "ukjent språk {value!r}; bruk ett av: {langs}",
        "param.unknown": "{question} har ingen parameter {name!r}; parameterne er: {known}",
        "param.none": "ingen",
        "param.missing": "{question} trenger --param {name}=… ({help})",
        "param.not_year": "--param {name}={value}: ikke et firesifret årstall, f.eks. 2010",
        "param.not_int": "--param {name}={value}: ikke et heltall på 0 eller mer, f.eks. 3",
        "param.bad_since": "--since {value}: ikke et firesifret årstall, f.eks. 2010",
        # the parser's own detail is English (pyparsing): bokmål says where, and what to check
        "readonly.unparsable_at": "spørringen kunne ikke tolkes (linje {line}, kolonne {col}): sjekk skrivemåten "
        "rett før dette stedet (parenteser, punktum, stavemåten av nøkkelord)",
        "readonly.no_query": "her står ingen spørring, bare prefikser eller kommentarer; skriv en SELECT-, ASK-, "
                             "CONSTRUCT- eller DESCRIBE-spørring",
        "readonly.unparsable": "spørringen kunne ikke tolkes: sjekk skrivemåten (parenteser, punktum, stavemåten av "
        "nøkkelord)",
        # a store's own failure on a query, with the engine's or the server's own (English) words
        "store.query_not_run": "spørringen kunne ikke kjøres: {detail}",
        "store.query_not_parsed": "spørringen kunne ikke tolkes: {detail}",
        "store.query_refused": "SPARQL-serveren avviste spørringen: {detail}",
        "store.server_failed": "SPARQL-serveren på {url} feilet (HTTP {status}): {detail}",
    },
    "en": {
        "word.gone": "gone", "word.new": "new", "word.both": "both", "word.cost": "missing", "word.effect": "missing",
        "word.no_activity": "none recorded",
        "word.membership": "membership", "word.agreement": "agreement",
        "console.bad_escape": "{escape} is not a valid character (\\u and \\U codes must give a Unicode character)",
        "console.example_value": "Example: ?{name} is “{label}” (VALUES below); change the IRI to ask about another one.",
        "sparql.rows.one": "{n} row",
        "query.bad_setting": "{name}={value!r} is not a positive number; write a number above zero, "
        "e.g. {name}=10, or remove the setting to use the default",
        "query.busy": "two queries are already running; try again in a moment",
        "query.timeout": "the query took longer than {seconds} s and was stopped; narrow it down or add LIMIT",
        "query.memory": "the query was stopped: it needed more than {mb} MB of memory; narrow it down",
        "query.crashed": "the query engine failed on this query and was stopped; rewrite the query",
        "question.unknown": "no question called {name}; the questions are: {names}",
        "question.unknown_close": "no question called {name}; did you mean {close}?",
        "question.no_file": "no query file {path}",
        "question.no_columns": "{question}: the query has no column(s) {columns}",
        "question.no_replaced": "{question} needs --param older=… and --param newer=… (the graph has no two "
        "dated source documents to compare)",
        "name.too_long": "a name is at most {max} characters; this one has {n}",
        "name.bad_iri": "{value!r} is not a valid IRI: an IRI has no spaces and none of < > \" {{ }} | \\ ^ `",
        "name.ambiguous": "{value!r} names more than one {word} ({iris}); give the IRI instead",
        "name.unknown": "no {word} called {value}; the graph has {n} of them, such as {some}",
        "name.unknown_one": "no {word} called {value}; the graph has only this one: {some}",
        "name.unknown_none": "no {word} called {value}; the graph has none yet",
        "name.unknown_close": "no {word} called {value}; did you mean {close}?",
        "kind.actor": "actor",
        "kind.document": "document",
        "param.bad_lang": "unknown language {value!r}; use one of: {langs}",
        "param.unknown": "{question} has no parameter {name!r}; its parameters are: {known}",
        "param.none": "none",
        "param.missing": "{question} needs --param {name}=… ({help})",
        "param.not_year": "--param {name}={value}: not a four-digit year, e.g. 2010",
        "param.not_int": "--param {name}={value}: not a whole number of 0 or more, e.g. 3",
        "param.bad_since": "--since {value}: not a four-digit year, e.g. 2010",
        # the parser's own detail ("Expected SelectQuery") helps no one: say where, and what to check
        "readonly.unparsable_at": "the query could not be parsed (line {line}, column {col}): check the writing just "
        "before this place (brackets, full stops, the spelling of keywords)",
        "readonly.no_query": "there is no query here, only prefixes or comments; write a SELECT, ASK, CONSTRUCT or "
                             "DESCRIBE query",
        "readonly.unparsable": "the query could not be parsed: check the writing (brackets, full stops, the spelling "
        "of keywords)",
        "store.query_not_run": "the query could not be run: {detail}",
        "store.query_not_parsed": "the query could not be parsed: {detail}",
        "store.query_refused": "the SPARQL server refused the query: {detail}",
        "store.server_failed": "the SPARQL server at {url} failed (HTTP {status}): {detail}",
    },
}
