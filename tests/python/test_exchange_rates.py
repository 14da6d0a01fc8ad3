"""scripts/exchange-rates-from-ecb.py turns the ECB's daily reference-rate file into the table Skyplan reads."""
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "exchange-rates-from-ecb.py"
BUNDLED = ROOT / "Sources" / "SkyplanBudget" / "Resources" / "exchange-rates.csv"


def run(tmp_path, text):
    source = tmp_path / "eurofxref.csv"
    source.write_text(text)
    return subprocess.run([sys.executable, str(SCRIPT), str(source)], capture_output=True, text=True)


def test_writes_the_dated_table_in_euro(tmp_path):
    result = run(tmp_path, "Date, USD, JPY, CYP, \n30 October 2026, 1.1172, 175.68, N/A, \n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == ["#format,skyplan-exchange-rates/1", "#base,EUR", "#asOf,2026-10-30"]
    assert lines[4:] == ["currency,perBase", "EUR,1", "JPY,175.68", "USD,1.1172"]  # N/A dropped, sorted


def test_refuses_another_file_with_a_clear_message(tmp_path):
    result = run(tmp_path, "name,value\nx,1\n")
    assert result.returncode != 0
    assert "not an ECB eurofxref.csv" in result.stderr


def test_the_bundled_table_is_dated_and_has_every_budget_currency():
    text = BUNDLED.read_text()
    assert "#asOf,2026-10-30" in text
    currencies = {line.split(",")[0] for line in text.splitlines()[5:]}
    assert {"USD", "AUD", "CHF", "DKK", "EUR", "GBP", "HKD", "JPY", "NOK", "NZD", "SEK", "ZAR"} <= currencies
