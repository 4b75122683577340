"""Build bench/community/supplier-quote.eml: a catering equipment supplier's quotation to a cafe owner (line items, discount,
VAT, lead times, validity, payment terms), with the customer's earlier request quoted below the reply.
multipart/alternative with a text/plain part and a text/html part holding the same content, built with Python's
email package. Deterministic (fixed boundary, date and Message-ID).

    python bench/community_sources/build_eml.py
"""

from __future__ import annotations

import html
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "community" / "supplier-quote.eml"
BOUNDARY = "==_PCK_Q26_4471_b3e90c5f1d_=="

ITEMS = [
    ("1", "Combi oven CO-610E, 6 x GN 1/1, electric, 3-phase", "1", "£4,850.00", "£4,850.00"),
    ("2", "Undercounter glasswasher GW-40, 400 mm basket, drain pump", "1", "£1,295.00", "£1,295.00"),
    ("3", "Stainless steel wall shelf, 1200 x 300 mm", "4", "£68.50", "£274.00"),
    ("4", "Refrigerated prep counter RPC-2D, 2-door, 1360 mm", "1", "£1,740.00", "£1,740.00"),
    ("5", "Installation and commissioning of combi oven (incl. water softener connection)", "1", "£420.00",
     "£420.00"),
    ("6", "Delivery and positioning, ground floor, step-free access", "1", "£95.00", "£95.00"),
]
TOTALS = [
    ("Subtotal", "£8,674.00"),
    ("Less 7.5% discount on equipment (items 1-4)", "-£611.93"),
    ("Net total", "£8,062.07"),
    ("VAT @ 20%", "£1,612.41"),
    ("TOTAL inc. VAT", "£9,674.48"),
]

# The reply as blocks: ("p", text), ("h", heading), ("ul", [items]), ("quote", None), ("sig", lines)
BLOCKS: list[tuple] = [
    ("p", "Hi Sam,"),
    ("p", "Thanks for your email, and for showing me round the kitchen on Monday. As promised, here is our "
          "quotation for the refit. A PDF copy will follow separately from our accounts system, but the figures "
          "below are the same."),
    ("h", "Quotation Q-26-4471 (9 December 2026)"),
    ("p", "Customer: The Larder Cafe, 22 Flowergate, Whitby YO21 3BA"),
    ("items", None),
    ("h", "Notes"),
    ("ul", [
        "Lead times: the combi oven is made to order and takes 3 to 4 weeks from order confirmation. The "
        "glasswasher and prep counter are in stock (5 working days). Shelving is 10 working days.",
        "To be sure everything is in and the oven commissioned before you reopen on 1 February, we need your order "
        "and deposit by Friday 18 December 2026. Our warehouse is closed from 24 December to 4 January inclusive.",
        "The CO-610E needs a 3-phase supply (16 A per phase). Please ask your electrician to confirm you have one. "
        "If you only have single-phase, the CO-610S is £5,150.00 instead of £4,850.00; the 7.5% discount still "
        "applies.",
        "The glasswasher needs a cold water feed with isolating valve and a 13 A socket. Plumbing and electrical "
        "work are not included; items 2 to 4 are delivered and positioned only.",
        "Warranty: 2 years parts and labour on the combi oven and the prep counter, 1 year parts and labour on the "
        "glasswasher. Annual oven servicing contracts are available; ask me for a price.",
        "If you'd prefer to spread the cost, we can arrange leasing through our finance partner over 36 or 60 "
        "months, subject to status. I can get figures if you want them.",
    ]),
    ("h", "Terms"),
    ("ul", [
        "This quotation is valid for 30 days, until 8 January 2027. The manufacturer has told us to expect a price "
        "rise in the new year, so prices after that date may change.",
        "Payment: 40% deposit with order (£3,869.79), balance due within 14 days of installation. BACS preferred; "
        "we also take Visa and Mastercard, but not American Express.",
        "Goods remain our property until paid for in full. Our standard terms of sale apply (copy attached to the "
        "PDF quote).",
    ]),
    ("p", "About your old fryer: I'm checking with our install team whether they can take it away in the van on "
          "the day and what they would charge for disposal. I'll come back to you on that by Friday."),
    ("p", "Any questions, just give me a ring. Happy to go through it on the phone."),
    ("p", "Kind regards,"),
    ("sig", ["Tom Rudd", "Sales Engineer", "Pellworth Commercial Kitchens Ltd",
             "Unit 12, Dockside Trading Estate, Middlesbrough TS2 1PL",
             "T: 01642 555 184 | M: 07700 900 418 | www.pellworth-ck.example",
             "Registered in England and Wales, company no. 08836214"]),
    ("quote", None),
]

QUOTE_HEAD = "On Fri, 4 Dec 2026 at 11:07, Sam Ingleby <sam@thelarderwhitby.example> wrote:"
QUOTE: list[list[str]] = [  # paragraphs, each a list of lines
    ["Hi Tom,"],
    ["Good to speak earlier. As I said, we're closing The Larder for a refit from 11 January and reopening on "
     "1 February 2027, so timing matters."],
    ["Could you quote for the following, delivered and (for the oven) installed:",
     "- 6-grid electric combi oven (the one you had on the stand at the Harrogate show)",
     "- undercounter glasswasher",
     "- 4 x 1200mm stainless wall shelves",
     "- 2-door refrigerated prep counter, no wider than 1400mm"],
    ["We've had another quote from a catering firm in Leeds but I'd rather deal with someone local if the price is "
     "right. Also, could you take our old fryer away when you deliver?"],
    ["Access is through the back door off Flowergate, step-free. Best to come round Monday morning to measure up."],
    ["Cheers,", "Sam Ingleby", "The Larder Cafe, 22 Flowergate, Whitby YO21 3BA", "07700 900 256"],
]


def wrap(text: str, width: int = 76, indent: str = "") -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width - len(indent):
            lines.append(indent + line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(indent + line)
    return "\n".join(lines)


def plain_items() -> str:
    rows = [f"{'#':<3}{'Item':<52}{'Qty':>4}{'Unit':>12}{'Line total':>13}", "-" * 84]
    for n, desc, qty, unit, total in ITEMS:
        lines = wrap(desc, width=50).split("\n")
        rows.append(f"{n:<3}{lines[0]:<52}{qty:>4}{unit:>12}{total:>13}")
        rows += [f"{'':<3}{extra}" for extra in lines[1:]]
    rows.append("-" * 84)
    rows += [f"{label:>71}{value:>13}" for label, value in TOTALS]
    return "\n".join(rows)


def render_plain() -> str:
    out = []
    for kind, body, *_ in BLOCKS:
        if kind == "p":
            out.append(wrap(body))
        elif kind == "h":
            out.append(body.upper() + "\n" + "-" * len(body))
        elif kind == "items":
            out.append(plain_items())
        elif kind == "ul":
            out.append("\n".join("* " + wrap(item, indent="  ")[2:] for item in body))
        elif kind == "sig":
            out.append("--\n" + "\n".join(body))
        elif kind == "quote":
            quoted = "\n>\n".join("\n".join(wrap(line, width=72, indent="> ") for line in para) for para in QUOTE)
            out.append(QUOTE_HEAD + "\n\n" + quoted)
    return "\n\n".join(out) + "\n"


def render_html() -> str:
    e = html.escape
    out = []
    for kind, body, *_ in BLOCKS:
        if kind == "p":
            out.append(f"<p>{e(body)}</p>")
        elif kind == "h":
            out.append(f'<h3 style="font-size:15px;color:#8a3b12;margin:18px 0 6px;">{e(body)}</h3>')
        elif kind == "items":
            td = 'style="border:1px solid #ccc;padding:4px 8px;"'
            tdr = 'style="border:1px solid #ccc;padding:4px 8px;text-align:right;"'
            rows = ["<tr>" + "".join(f'<th {td}>{h}</th>' for h in ("#", "Item", "Qty", "Unit price", "Line total"))
                    + "</tr>"]
            for n, desc, qty, unit, total in ITEMS:
                rows.append(f"<tr><td {td}>{n}</td><td {td}>{e(desc)}</td><td {tdr}>{qty}</td>"
                            f"<td {tdr}>{e(unit)}</td><td {tdr}>{e(total)}</td></tr>")
            for label, value in TOTALS:
                weight = "font-weight:bold;" if label.startswith("TOTAL") else ""
                rows.append(f'<tr><td colspan="4" {tdr}><span style="{weight}">{e(label)}</span></td>'
                            f'<td {tdr}><span style="{weight}">{e(value)}</span></td></tr>')
            out.append('<table style="border-collapse:collapse;font-size:13px;">' + "\n".join(rows) + "</table>")
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in body) + "</ul>")
        elif kind == "sig":
            out.append('<p style="color:#444;">' + "<br>\n".join(e(line) for line in body) + "</p>")
        elif kind == "quote":
            quoted = "".join('<p style="margin:4px 0;">' + "<br>".join(e(line) for line in para) + "</p>"
                             for para in QUOTE)
            out.append(f'<div class="gmail_quote"><p>{e(QUOTE_HEAD)}</p>'
                       f'<blockquote style="margin:0 0 0 8px;border-left:2px solid #ccc;padding-left:10px;color:#555;">'
                       f"{quoted}</blockquote></div>")
    body = "\n".join(out)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Quotation Q-26-4471</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;line-height:1.45;">
{body}
<p style="font-size:11px;color:#888;">This email and any attachments are confidential and intended only for the
addressee. If you have received it in error please tell us and delete it. Pellworth Commercial Kitchens Ltd does not
accept liability for any viruses transmitted by this email.</p>
</body>
</html>
"""


def main() -> None:
    msg = EmailMessage()
    msg["Return-Path"] = "<tom.rudd@pellworth-ck.example>"
    msg["Message-ID"] = "<20261209164212.Q264471.trudd@pellworth-ck.example>"
    msg["In-Reply-To"] = "<CAL4rder8812x@mail.thelarderwhitby.example>"
    msg["References"] = "<CAL4rder8812x@mail.thelarderwhitby.example>"
    msg["Date"] = "Wed, 9 Dec 2026 16:42:12 +0000"
    msg["From"] = "Tom Rudd <tom.rudd@pellworth-ck.example>"
    msg["To"] = "Sam Ingleby <sam@thelarderwhitby.example>"
    msg["Cc"] = "sales@pellworth-ck.example"
    msg["Subject"] = "RE: Kitchen refit quote - The Larder, Whitby [Quotation Q-26-4471]"
    msg.set_content(render_plain(), cte="quoted-printable")
    msg.add_alternative(render_html(), subtype="html", cte="quoted-printable")
    msg.set_boundary(BOUNDARY)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(msg.as_bytes(policy=SMTP))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
