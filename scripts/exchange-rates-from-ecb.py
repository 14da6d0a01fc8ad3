#!/usr/bin/env python3
"""Writes Skyplan's exchange-rate table from an ECB reference-rate file.

    scripts/exchange-rates-from-ecb.py eurofxref.csv > Sources/SkyplanBudget/Resources/exchange-rates.csv

Input: the ECB's daily "euro foreign exchange reference rates" CSV (`eurofxref.csv` inside
https://www.ecb.europa.eu/stats/eurofxref/eurofxref.zip): a header `Date, USD, JPY, ...` and one row
`30 October 2026, 1.1172, 175.68, ...` (units of each currency per 1 EUR). The output is the layout
`ExchangeRates` reads (also accepted by `skyplan budget --exchange-rates FILE` and the server's option).
"""
import csv
import datetime
import sys


def main(path: str, source_note: str) -> None:
    with open(path, newline="") as handle:
        rows = [[cell.strip() for cell in row if cell.strip()] for row in csv.reader(handle)]
    header, values = rows[0], rows[1]
    if header[0] != "Date" or len(header) != len(values):
        sys.exit(f"{path}: not an ECB eurofxref.csv (header {header[:3]}...)")
    day = datetime.datetime.strptime(values[0], "%d %B %Y").date().isoformat()
    rates = {"EUR": "1"}
    for currency, value in zip(header[1:], values[1:]):
        if value != "N/A":
            rates[currency] = value
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["#format", "skyplan-exchange-rates/1"])
    out.writerow(["#base", "EUR"])
    out.writerow(["#asOf", day])
    out.writerow(["#source", f"ECB euro foreign exchange reference rates of {values[0]} (units per 1 EUR){source_note}"])
    out.writerow(["currency", "perBase"])
    for currency in sorted(rates, key=lambda c: (c != "EUR", c)):
        out.writerow([currency, rates[currency]])


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else "")
