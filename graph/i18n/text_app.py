"""Texts of the app's edit and import pages (graph/ui/pages/edit.py and importing.py), nb and en, merged into
graph.i18n.

The names and help of the form fields are not here: they come from the kind spec (graph/i18n/text_editing.py).
"""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        # Streamlit's own widget texts, replaced (graph/ui/widget_texts.py)
        "widget.enter_apply": "Trykk Enter for å bruke",
        "widget.enter_submit": "Trykk Enter for å sende skjemaet",
        "widget.ctrl_enter_apply": "Trykk Ctrl+Enter for å bruke",
        "widget.ctrl_enter_submit": "Trykk Ctrl+Enter for å sende skjemaet",
        "widget.upload": "Last opp",
        "widget.upload_limit": "Høyst {size} per fil • {types}",
        "widget.no_results": "Ingen treff",
        "chart.until": "til",
        # the edit page
        "editpage.title": "Rediger grafen",
        "editpage.intro": "Legg til, rett, avslutt eller slett ting i grafen uten å skrive RDF. Hver endring "
        "lagres med hvem, når og hvorfor, og kan angres på siden Endringslogg.",
        "editpage.action": "Hva vil du gjøre?",
        "editpage.action.add": "Legge til",
        "editpage.action.correct": "Rette",
        "editpage.action.retire": "Avslutte",
        "editpage.action.delete": "Slette",
        "editpage.action_help.add": "Legg til noe nytt: en aktør, et nettverk, et medlemskap, en vennskapsbyavtale, "
        "et prosjekt, en prosjektdeltakelse eller en aktivitet.",
        "editpage.action_help.correct": "Rett noe som står feil. Skjemaet viser det som står i grafen nå.",
        "editpage.action_help.retire": "Noe som har sluttet (et medlemskap, en avtale …) får en sluttdato og en "
        "ny status; historien beholdes i grafen.",
        "editpage.action_help.delete": "Slett bare det som ble lagt inn ved en feil. For noe som har sluttet: "
        "velg «Avslutte», så beholdes historien.",
        "editpage.kind": "Slag",
        "editpage.thing": "Hvilken",
        "editpage.none_of_kind": "Grafen har ingen av slaget «{kind}» ennå.",
        "editpage.none_option": "(ingen)",
        "editpage.date_formats": "Skriv ÅÅÅÅ, ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ (f.eks. 2019, 2019-03-01 eller 01.03.2019).",
        "editpage.required_note": "Felt merket * må fylles ut.",
        "editpage.identifier": "Identifikator: {iri}",
        "editpage.source": "Kilde",
        "editpage.source_help": "Hvert nytt faktum trenger en kilde: velg avsnittet i dokumentet og lim inn "
        "sitatet ordrett, eller beskriv kilden under «Annen kilde» (med nettadressen hvis du har den).",
        "editpage.correct_source_help": "En rettelse av noe annet enn navnene trenger en kilde: velg avsnittet og "
        "lim inn sitatet, eller beskriv kilden under «Annen kilde».",
        "editpage.why": "Hvorfor (valgfritt, lagres med endringen)",
        "editpage.why_help": "En kort forklaring til endringsloggen, f.eks. «Meldt inn av EU-kontoret».",
        "editpage.submit.add": "Legg til",
        "editpage.submit.correct": "Lagre rettelsen",
        "editpage.submit.retire": "Avslutt",
        "editpage.submit.delete": "Slett",
        "editpage.not_saved": "Ingenting ble lagret. Rett dette og prøv igjen:",
        "editpage.no_change": "Du har ikke endret noe i skjemaet.",
        "editpage.saved.add": "La til {kind} «{label}» (endring {id}). Du kan angre det på siden Endringslogg.",
        "editpage.saved.correct": "Rettet {kind} «{label}» (endring {id}). Du kan angre det på siden Endringslogg.",
        "editpage.saved.retire": "Avsluttet {kind} «{label}» (endring {id}). Du kan angre det på siden "
        "Endringslogg.",
        "editpage.saved.delete": "Slettet {kind} «{label}» (endring {id}). Du kan angre det på siden Endringslogg.",
        "editpage.correct_help": "Skjemaet viser det som står i grafen nå. Endre det som er feil; bare feltene du "
        "endrer, blir lagret.",
        "editpage.retire_status": "Ny status",
        "editpage.retire_status_help": "Vanligvis «avsluttet».",
        "editpage.referrers": "Dette peker fortsatt på «{label}» og må slettes eller rettes først:",
        "editpage.no_referrers": "Ingenting annet i grafen peker på «{label}».",
        "editpage.confirm": "Skriv navnet eller identifikatoren for å bekrefte",
        "editpage.confirm_help": "Skriv «{label}» eller {iri} nøyaktig.",
        # the import page
        "importpage.title": "Importer data",
        "importpage.intro": "Last opp et regneark (CSV eller Excel, fra malene under) eller en RDF-fil (Turtle, "
        "JSON-LD, N-Triples). Fila sjekkes først, og du ser hva som blir lagt til før noe lagres. Importen er alt "
        "eller ingenting, og den kan angres på siden Endringslogg.",
        "importpage.templates": "Maler",
        "importpage.templates_help": "Én mal per slag, med overskrifter på norsk, en eksempelrad og (i Excel) et "
        "hjelpeark. Kolonner merket * må fylles ut.",
        "importpage.template_kind": "Mal for",
        "importpage.csv": "Last ned CSV-mal",
        "importpage.xlsx": "Last ned Excel-mal (XLSX)",
        "importpage.upload": "Last opp en fil",
        "importpage.file": "Fil (CSV, XLSX, Turtle, JSON-LD eller N-Triples)",
        "importpage.limit": "Største filstørrelse: {limit}.",
        "importpage.kind": "Hva tabellen inneholder (bare for CSV og Excel)",
        "importpage.kind_auto": "(se av fila)",
        "importpage.kind_help": "La stå på «se av fila» når du bruker en mal: slaget leses av kolonnene eller "
        "arknavnet.",
        "importpage.preview": "Dette blir importert",
        "importpage.new": "Nye ting ({n})",
        "importpage.changed": "Ting som endres ({n})",
        "importpage.warnings": "Merk",
        "importpage.col.kind": "slag",
        "importpage.col.name": "navn",
        "importpage.col.iri": "identifikator",
        "importpage.col.row": "rad",
        "importpage.col.line": "linje",
        "importpage.col.column": "kolonne",
        "importpage.col.where": "hvor",
        "importpage.col.problem": "problem",
        "importpage.why": "Hvorfor (valgfritt, lagres med endringen)",
        "importpage.confirm": "Importer",
        "importpage.refused_one": "{name} ble ikke importert, og ingenting er lagret. Rett dette problemet og "
        "last opp fila på nytt:",
        "importpage.refused_many": "{name} ble ikke importert, og ingenting er lagret. Rett disse {n} problemene "
        "og last opp fila på nytt:",
        "importpage.saved": "{name} er importert som endring {id} ({add} utsagn lagt til). Du kan angre det på "
        "siden Endringslogg.",
    },
    "en": {
        # Streamlit's own widget texts, replaced (graph/ui/widget_texts.py)
        "widget.enter_apply": "Press Enter to apply",
        "widget.enter_submit": "Press Enter to submit form",
        "widget.ctrl_enter_apply": "Press Ctrl+Enter to apply",
        "widget.ctrl_enter_submit": "Press Ctrl+Enter to submit form",
        "widget.upload": "Upload",
        "widget.upload_limit": "{size} per file • {types}",
        "widget.no_results": "No results",
        "chart.until": "until",
        # the edit page
        "editpage.title": "Edit the graph",
        "editpage.intro": "Add, correct, retire or delete things in the graph without writing RDF. Every change is "
        "saved with who, when and why, and can be undone on the Change history page.",
        "editpage.action": "What do you want to do?",
        "editpage.action.add": "Add",
        "editpage.action.correct": "Correct",
        "editpage.action.retire": "Retire",
        "editpage.action.delete": "Delete",
        "editpage.action_help.add": "Add something new: an actor, a network, a membership, a twin-city agreement, "
        "a project, a project participation or an activity.",
        "editpage.action_help.correct": "Correct something that is wrong. The form shows what the graph says now.",
        "editpage.action_help.retire": "Something that has ended (a membership, an agreement …) gets an end date "
        "and a new status; its history stays in the graph.",
        "editpage.action_help.delete": "Delete only what was entered by mistake. For something that has ended, "
        "choose “Retire”, which keeps its history.",
        "editpage.kind": "Kind of thing",
        "editpage.thing": "Which one",
        "editpage.none_of_kind": "The graph has nothing of the kind “{kind}” yet.",
        "editpage.none_option": "(none)",
        "editpage.date_formats": "Write YYYY, YYYY-MM-DD or DD.MM.YYYY (e.g. 2019, 2019-03-01 or 01.03.2019).",
        "editpage.required_note": "Fields marked * must be filled in.",
        "editpage.identifier": "Identifier: {iri}",
        "editpage.source": "Source",
        "editpage.source_help": "Every new fact needs a source: choose the document section and paste the quote "
        "word for word, or describe the source under “Other source” (with its web address if you have it).",
        "editpage.correct_source_help": "A correction of anything but the names needs a source: choose the section "
        "and paste the quote, or describe the source under “Other source”.",
        "editpage.why": "Why (optional, saved with the change)",
        "editpage.why_help": "A short note for the change history, e.g. “Reported by the EU office”.",
        "editpage.submit.add": "Add",
        "editpage.submit.correct": "Save the correction",
        "editpage.submit.retire": "Retire",
        "editpage.submit.delete": "Delete",
        "editpage.not_saved": "Nothing was saved. Fix this and try again:",
        "editpage.no_change": "You have not changed anything in the form.",
        "editpage.saved.add": "Added {kind} “{label}” (change {id}). You can undo it on the Change history page.",
        "editpage.saved.correct": "Corrected {kind} “{label}” (change {id}). You can undo it on the Change history page.",
        "editpage.saved.retire": "Retired {kind} “{label}” (change {id}). You can undo it on the Change history page.",
        "editpage.saved.delete": "Deleted {kind} “{label}” (change {id}). You can undo it on the Change history page.",
        "editpage.correct_help": "The form shows what the graph says now. Change what is wrong; only the fields you "
        "change are saved.",
        "editpage.retire_status": "New status",
        "editpage.retire_status_help": "Usually “ended”.",
        "editpage.referrers": "These still point at “{label}” and must be deleted or corrected first:",
        "editpage.no_referrers": "Nothing else in the graph points at “{label}”.",
        "editpage.confirm": "Type the name or the identifier to confirm",
        "editpage.confirm_help": "Type “{label}” or {iri} exactly.",
        # the import page
        "importpage.title": "Import data",
        "importpage.intro": "Upload a spreadsheet (CSV or Excel, from the templates below) or an RDF file (Turtle, "
        "JSON-LD, N-Triples). The file is checked first, and you see what would be added before anything is "
        "saved. The import is all or nothing, and it can be undone on the Change history page.",
        "importpage.templates": "Templates",
        "importpage.templates_help": "One template per kind, with headers in English, an example row and (in "
        "Excel) a help sheet. Columns marked * must be filled in.",
        "importpage.template_kind": "Template for",
        "importpage.csv": "Download the CSV template",
        "importpage.xlsx": "Download the Excel template (XLSX)",
        "importpage.upload": "Upload a file",
        "importpage.file": "File (CSV, XLSX, Turtle, JSON-LD or N-Triples)",
        "importpage.limit": "Largest file size: {limit}.",
        "importpage.kind": "What the table holds (CSV and Excel only)",
        "importpage.kind_auto": "(tell from the file)",
        "importpage.kind_help": "Leave it at “tell from the file” when you use a template: the kind is read from "
        "the columns or the sheet's name.",
        "importpage.preview": "What would be imported",
        "importpage.new": "New things ({n})",
        "importpage.changed": "Things that change ({n})",
        "importpage.warnings": "Note",
        "importpage.col.kind": "kind",
        "importpage.col.name": "name",
        "importpage.col.iri": "identifier",
        "importpage.col.row": "row",
        "importpage.col.line": "line",
        "importpage.col.column": "column",
        "importpage.col.where": "where",
        "importpage.col.problem": "problem",
        "importpage.why": "Why (optional, saved with the change)",
        "importpage.confirm": "Import",
        "importpage.refused_one": "{name} was not imported, and nothing was saved. Fix this problem and upload the "
        "file again:",
        "importpage.refused_many": "{name} was not imported, and nothing was saved. Fix these {n} problems and "
        "upload the file again:",
        "importpage.saved": "{name} is imported as change {id} ({add} statements added). You can undo it on the "
        "Change history page.",
    },
}
