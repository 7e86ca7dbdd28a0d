"""Texts of the named questions and the read-only check: unknown questions, names and parameters, and
queries that may not run (nb and en), merged into graph.i18n."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        "question.unknown": "det finnes ikke noe spørsmål som heter {name}; spørsmålene er: {names}",
        "question.unknown_close": "det finnes ikke noe spørsmål som heter {name}; mente du {close}?",
        "question.no_file": "finner ikke spørringsfila {path}",
        "question.no_columns": "{question}: spørringen har ikke kolonnen(e) {columns}",
        "question.no_replaced": "{question} trenger --param older=… og --param newer=… (ingen dokumenter sier "
        "hvilket de erstatter)",
        "name.too_long": "et navn har høyst {max} tegn; dette har {n}",
        "name.bad_iri": "{value!r} er ikke en gyldig IRI: en IRI har ingen mellomrom og ingen av "
        "< > \" {{ }} | \\ ^ `",
        "name.ambiguous": "flere ting av slaget {word} heter {value!r} ({iris}); oppgi IRI-en i stedet",
        "name.unknown": "ingen {word} heter {value}",
        "name.unknown_close": "ingen {word} heter {value}; mente du {close}?",
        "kind.actor": "aktør",
        "kind.document": "dokument",
        "param.bad_lang": "ukjent språk {value!r}; bruk ett av: {langs}",
        "param.unknown": "{question} har ingen parameter {name!r}; parameterne er: {known}",
        "param.none": "ingen",
        "param.missing": "{question} trenger --param {name}=… ({help})",
        "param.not_year": "--param {name}={value}: ikke et firesifret årstall, f.eks. 2010",
        "param.not_int": "--param {name}={value}: ikke et heltall, f.eks. 3",
        "readonly.unparsable_at": "spørringen kunne ikke tolkes (linje {line}, kolonne {col}): {detail}",
        "readonly.unparsable": "spørringen kunne ikke tolkes: {detail}",
    },
    "en": {
        "question.unknown": "no question called {name}; the questions are: {names}",
        "question.unknown_close": "no question called {name}; did you mean {close}?",
        "question.no_file": "no query file {path}",
        "question.no_columns": "{question}: the query has no column(s) {columns}",
        "question.no_replaced": "{question} needs --param older=… and --param newer=… (no document says which "
        "it replaces)",
        "name.too_long": "a name is at most {max} characters; this one has {n}",
        "name.bad_iri": "{value!r} is not a valid IRI: an IRI has no spaces and none of < > \" {{ }} | \\ ^ `",
        "name.ambiguous": "{value!r} names more than one {word} ({iris}); give the IRI instead",
        "name.unknown": "no {word} called {value}",
        "name.unknown_close": "no {word} called {value}; did you mean {close}?",
        "kind.actor": "actor",
        "kind.document": "document",
        "param.bad_lang": "unknown language {value!r}; use one of: {langs}",
        "param.unknown": "{question} has no parameter {name!r}; its parameters are: {known}",
        "param.none": "none",
        "param.missing": "{question} needs --param {name}=… ({help})",
        "param.not_year": "--param {name}={value}: not a four-digit year, e.g. 2010",
        "param.not_int": "--param {name}={value}: not a whole number, e.g. 3",
        "readonly.unparsable_at": "the query could not be parsed (line {line}, column {col}): {detail}",
        "readonly.unparsable": "the query could not be parsed: {detail}",
    },
}
