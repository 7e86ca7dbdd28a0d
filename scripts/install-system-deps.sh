#!/usr/bin/env bash
# Install the system programs the tests need: Virtuoso (the SPARQL-server backend), Chromium (the
# browser tests) and LibreOffice Calc with its Python bridge (the workbook templates filled in a real
# spreadsheet program). Idempotent and non-interactive; does nothing when all are already installed.
set -euo pipefail

DBA_PASSWORD="${IKG_VIRTUOSO_DBA_PASSWORD:-dba}"  # only the packaged database; tests start their own
PACKAGES=(virtuoso-opensource chromium fonts-dejavu-core libreoffice-calc-nogui python3-uno)

missing=()
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-t)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(soffice)
/usr/bin/python3 -c "import uno" >/dev/null 2>&1 || missing+=(python3-uno)

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing: ${missing[*]}; as root run: $0" >&2
        echo "  (or: sudo apt-get install -y ${PACKAGES[*]}, answering the Virtuoso dba password question)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # Without a preseeded password the package asks for one, or leaves the packaged server disabled.
    printf '%s\n' \
        "virtuoso-opensource-7 virtuoso-opensource-7/dba-password password ${DBA_PASSWORD}" \
        "virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password ${DBA_PASSWORD}" \
        | debconf-set-selections
    apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
fi

virtuoso=$(dpkg-query -W -f='${Version}' virtuoso-opensource-7-bin 2>/dev/null || echo "?")
chromium_version=$(chromium --version 2>/dev/null | head -n1 || echo "chromium ?")
calc=$(dpkg-query -W -f='${Version}' libreoffice-calc-nogui 2>/dev/null || echo "?")
echo "system deps ok: virtuoso-opensource ${virtuoso}; ${chromium_version}; libreoffice-calc ${calc}"
