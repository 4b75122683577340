"""Build bench/household/bank-statement-oct-2026.csv: a current account statement export for October 2026, with a
running balance. Deterministic.

    python bench/household_sources/build_csv.py
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "household" / "bank-statement-oct-2026.csv"
OPENING = Decimal("2260.41")  # balance at close of 30/09/2026

# (date, description, type, money out, money in)
ROWS = [
    ("01/10/2026", "LANDMARK LETTINGS RENT FLAT 2", "SO", "875.00", ""),
    ("01/10/2026", "NORTHWOLD DC COUNCIL TAX", "DD", "146.00", ""),
    ("01/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "23.48", ""),
    ("02/10/2026", "SOLENT GAS & POWER", "DD", "94.00", ""),
    ("02/10/2026", "BEAN & BARLEY CAFE", "DEB", "4.35", ""),
    ("03/10/2026", "RAVENSCAR FUEL STN", "DEB", "52.10", ""),
    ("03/10/2026", "QUICKBASKET ONLINE", "DEB", "45.99", ""),
    ("04/10/2026", "CASH LINK ATM 04OCT HIGH ST KETTLEBY", "CPT", "40.00", ""),
    ("05/10/2026", "THE OLD FORGE INN", "DEB", "38.60", ""),
    ("05/10/2026", "J ASHWORTH DINNER SPLIT", "FPI", "", "19.30"),
    ("06/10/2026", "AQUAVALE WATER", "DD", "36.75", ""),
    ("06/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "61.27", ""),
    ("07/10/2026", "VOXA MOBILE", "DD", "18.00", ""),
    ("07/10/2026", "NORTHLINE RAIL", "DEB", "27.40", ""),
    ("08/10/2026", "STREAMBOX SUBSCRIPTION", "DD", "10.99", ""),
    ("08/10/2026", "PHARMACARE CHEMIST", "DEB", "8.95", ""),
    ("09/10/2026", "MARLOW BOOKS", "DEB", "12.99", ""),
    ("10/10/2026", "TO EASY SAVER 40-11-92 71550832", "TFR", "150.00", ""),
    ("10/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "54.03", ""),
    ("11/10/2026", "TIMBERYARD DIY", "DEB", "29.50", ""),
    ("12/10/2026", "HOLLYBANK GARDEN CENTRE", "DEB", "16.80", ""),
    ("13/10/2026", "FIBRELINE BROADBAND", "DD", "32.00", ""),
    ("13/10/2026", "BEAN & BARLEY CAFE", "DEB", "3.90", ""),
    ("14/10/2026", "HARTWELL LIFE ASSURANCE", "DD", "21.40", ""),
    ("14/10/2026", "RAVENSCAR FUEL STN", "DEB", "48.75", ""),
    ("15/10/2026", "CALDER CAR INSURANCE", "DD", "41.62", ""),
    ("15/10/2026", "K PRICE BIRTHDAY PRESENT", "FPO", "25.00", ""),
    ("16/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "47.12", ""),
    ("17/10/2026", "CINEVUE CINEMAS", "DEB", "21.50", ""),
    ("18/10/2026", "THE OLD FORGE INN", "DEB", "24.30", ""),
    ("18/10/2026", "SWIFTCAB TAXIS", "DEB", "14.20", ""),
    ("19/10/2026", "QUICKBASKET ONLINE", "DEB", "18.49", ""),
    ("20/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "38.44", ""),
    ("20/10/2026", "MEADOWFIELD DENTAL PRACTICE", "DEB", "26.80", ""),
    ("21/10/2026", "REFUND QUICKBASKET ONLINE", "CR", "", "45.99"),
    ("21/10/2026", "BEAN & BARLEY CAFE", "DEB", "4.35", ""),
    ("22/10/2026", "RAVENSCAR FUEL STN", "DEB", "50.00", ""),
    ("22/10/2026", "ST LUKES HOSPICE", "SO", "10.00", ""),
    ("23/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "72.56", ""),
    ("23/10/2026", "ARGOLA HOME & ELECTRICAL", "DEB", "89.99", ""),
    ("24/10/2026", "THE OLD FORGE INN", "DEB", "31.40", ""),
    ("25/10/2026", "SWIFTCAB TAXIS", "DEB", "12.60", ""),
    ("25/10/2026", "NORTHLINE RAIL", "DEB", "27.40", ""),
    ("26/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "22.18", ""),
    ("27/10/2026", "BRIDGEWAY GYM KETTLEBY", "DD", "27.50", ""),
    ("28/10/2026", "ARDEN LOGISTICS LTD SALARY", "BGC", "", "2184.37"),
    ("28/10/2026", "BEAN & BARLEY CAFE", "DEB", "4.35", ""),
    ("29/10/2026", "HALCYON CARD SERVICES", "DD", "120.00", ""),
    ("29/10/2026", "GREENLOW SUPERSTORE 0412", "DEB", "66.40", ""),
    ("30/10/2026", "T OKAFOR FOOTBALL SUBS", "FPO", "30.00", ""),
    ("30/10/2026", "ARRANGED OVERDRAFT FEE", "CHG", "8.00", ""),
    ("31/10/2026", "HOLLYBANK GARDEN CENTRE", "DEB", "9.95", ""),
    ("31/10/2026", "TO EASY SAVER 40-11-92 71550832", "TFR", "200.00", ""),
]


def main() -> None:
    balance = OPENING
    out_rows = [["Date", "Description", "Type", "Money out", "Money in", "Balance"]]
    for date, desc, typ, money_out, money_in in ROWS:
        balance += Decimal(money_in or "0") - Decimal(money_out or "0")
        out_rows.append([date, desc, typ, money_out, money_in, f"{balance:.2f}"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(out_rows)
    print("wrote", OUT, len(ROWS), "rows")


if __name__ == "__main__":
    main()
