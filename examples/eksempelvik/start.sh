#!/bin/sh
# Starts the fictional Eksempelvik's graph: run from the checkout, then import the spreadsheets in order.
set -e
DATA="${1:-eksempelvik-data}"
IKG="${IKG:-ikg}"  # e.g. IKG=.venv/bin/ikg without an activated venv
"$IKG" init --data "$DATA" \
  --name 'Eksempelvik kommune' \
  --name-en 'Eksempelvik Municipality' \
  --city Eksempelvik \
  --country NO \
  --lat 62.47 \
  --long 6.15 \
  --document 'Internasjonal strategi 2025–2028 | International strategy 2025–2028' \
  --document-url https://eksempelvik.example/strategi-2025.pdf \
  --document-date 2025-01-15 \
  --document 'Internasjonal strategi 2019–2022 | International strategy 2019–2022' \
  --document-url https://eksempelvik.example/strategi-2019.pdf \
  --document-date 2019-02-01 \
  --target-area 'Klima og miljø | Climate and environment' \
  --target-area 'Utdanning og ungdom | Education and youth'
for sheet in "$(dirname "$0")"/spreadsheets/*.csv; do
  kind=$(basename "$sheet" .csv | cut -d- -f2-)
  "$IKG" import "$sheet" --kind "$kind" --why "example city"
done
