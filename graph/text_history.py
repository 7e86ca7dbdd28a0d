"""Texts of the change history, undo, backup and restore (nb and en), merged into graph.i18n."""

TEXT: dict[str, dict[str, str]] = {
    "nb": {
        "err.editor": "Skriv navnet ditt: hver endring lagres med hvem som gjorde den.",
        "err.no_change": "Dette endrer ingenting: alt er allerede slik i grafen.",
        "err.change_unknown": "Ingen endring har id «{id}»; se `ikg history` eller historikksiden for id-ene.",
        "err.change_ambiguous": "«{id}» passer til {n} endringer; skriv flere tegn av id-en.",
        "err.already_undone": "Endring {id} er allerede angret (av endring {by}); angre den endringen i stedet for å gjøre om.",
        "err.nothing_to_undo": "Endring {id} kan ikke angres: senere endringer har allerede fjernet eller gjenopprettet alt den gjorde.",
        "history.undo_of": "Angrer endring {id}",
    },
    "en": {
        "err.editor": "Write your name: every change is saved with who made it.",
        "err.no_change": "This changes nothing: the graph already says exactly this.",
        "err.change_unknown": "No change has the id “{id}”; see `ikg history` or the history page for the ids.",
        "err.change_ambiguous": "“{id}” matches {n} changes; write more characters of the id.",
        "err.already_undone": "Change {id} was already undone (by change {by}); undo that change to redo it.",
        "err.nothing_to_undo": "Change {id} cannot be undone: later changes already removed or restored everything it did.",
        "history.undo_of": "Undoes change {id}",
    },
}
