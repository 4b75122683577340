"""Build bench/household/vet-records.eml: a vet practice's e-mail to a dog's owner with his vaccination and treatment
record, multipart/alternative with a text/plain part and a text/html part holding the same content. Deterministic
(fixed boundary, date and Message-ID).

    python bench/household_sources/build_eml.py
"""

from __future__ import annotations

import html
import quopri
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "household" / "vet-records.eml"
BOUNDARY = "==_FERNBROOK_5c1e8a20d4b7f3_=="

# The body as blocks: ("p", text), ("h", heading), ("ul", [items]), ("table", [header], [[cells], ...]), ("sig", lines)
BLOCKS: list[tuple] = [
    ("p", "Dear Mrs Marsh,"),
    ("p", "Thank you for calling this morning. As requested, here is Biscuit's vaccination and treatment record, "
          "taken from our practice system today. You are welcome to forward this e-mail to Oakhollow Boarding "
          "Kennels as proof of his vaccinations; they have told us they accept our e-mailed records in place of "
          "the vaccination card."),
    ("h", "Pet details"),
    ("table", ["", ""], [
        ["Name", "Biscuit"],
        ["Patient number", "FVC-10482"],
        ["Species and breed", "Dog, Cocker Spaniel (working type)"],
        ["Sex", "Male, neutered (castrated 14 October 2021)"],
        ["Date of birth", "12 March 2021 (5 years 8 months)"],
        ["Colour", "Golden"],
        ["Microchip number", "981098100412337"],
        ["Registered vet", "Dr Sara Lindholm MRCVS"],
        ["Insurance", "PetShield Lifetime, policy PS-7721904"],
        ["Known allergies", "None known"],
    ]),
    ("h", "Vaccinations"),
    ("table", ["Vaccine", "Date given", "Given by", "Next due"], [
        ["DHP + Lepto L4 (puppy course, 1st)", "5 May 2021", "Dr Sara Lindholm", "-"],
        ["DHP + Lepto L4 (puppy course, 2nd)", "2 June 2021", "Dr Sara Lindholm", "-"],
        ["DHP + Lepto L4 booster", "8 May 2022", "Dr Marcus Bell", "-"],
        ["Lepto L4 booster", "9 May 2023", "Dr Sara Lindholm", "-"],
        ["Lepto L4 booster", "8 May 2024", "Dr Sara Lindholm", "-"],
        ["Rabies", "14 June 2024", "Dr Marcus Bell", "14 June 2027 (only needed for travel abroad)"],
        ["DHP + Lepto L4 booster", "6 May 2025", "Dr Sara Lindholm", "DHP: May 2028"],
        ["Lepto L4 booster", "8 May 2026", "Dr Sara Lindholm", "8 May 2027"],
        ["Kennel cough (Bb + Pi, intranasal)", "8 May 2026", "Dr Sara Lindholm", "8 May 2027"],
    ]),
    ("p", "DHP protects against distemper, hepatitis and parvovirus and is given every three years; Lepto L4 "
          "protects against leptospirosis and must be given every year. Biscuit is fully covered for all of these "
          "until 8 May 2027. Note on file: Biscuit was quiet and off his food for about 24 hours after his Lepto "
          "booster in May 2022. He has had no reaction since."),
    ("h", "Flea, tick and worming treatment"),
    ("table", ["Treatment", "Last given", "How often", "Next due"], [
        ["Fluralaner chew 500 mg (fleas and ticks, dogs 10 to 20 kg)", "3 November 2026", "Every 12 weeks",
         "26 January 2027"],
        ["Milbemycin oxime / praziquantel tablet (roundworm, tapeworm and lungworm)", "3 November 2026",
         "Every 4 weeks", "1 December 2026"],
    ]),
    ("p", "On 3 November we dispensed 3 worming tablets for you to give at home on 1 December 2026, 29 December "
          "2026 and 26 January 2027. Because Biscuit eats slugs and snails in the garden we recommend monthly "
          "worming all year round to protect him against lungworm."),
    ("h", "Weight history"),
    ("table", ["Date", "Weight", "Body condition score"], [
        ["12 May 2023", "14.2 kg", "5/9"],
        ["8 May 2024", "14.9 kg", "5/9"],
        ["6 May 2025", "15.8 kg", "6/9"],
        ["8 May 2026", "16.6 kg", "6/9"],
        ["3 November 2026", "16.1 kg", "6/9"],
    ]),
    ("p", "In May Dr Lindholm advised cutting Biscuit's daily food by 10% and swapping his training treats for "
          "pieces of his kibble. He has lost 0.5 kg since then, which is a good steady rate. His ideal weight is "
          "14.5 to 15 kg."),
    ("h", "Other treatment this year"),
    ("ul", [
        "17 February 2026: dental scale and polish under general anaesthetic; two upper left premolars removed. "
        "Cost £386.40 (claimed on his PetShield policy).",
        "21 August 2026: infection in the right ear (otitis externa). Treated with ear drops twice a day for 7 "
        "days. Rechecked on 28 August 2026 and cleared up.",
    ]),
    ("h", "Next appointment"),
    ("p", "Biscuit is booked in for his six-monthly health check and weigh-in with Dr Sara Lindholm on Tuesday "
          "12 January 2027 at 10:40. We will also clip his nails. His next annual booster (Lepto L4 and kennel "
          "cough) is due on 8 May 2027, and we will send you a reminder 4 weeks before."),
    ("p", "If you need to change the appointment, please give us at least 24 hours' notice. Missed appointments "
          "without notice are charged a £25 fee."),
    ("h", "Healthy Pet Club"),
    ("p", "Biscuit is a member of our Healthy Pet Club at £16.50 a month by Direct Debit. This covers his annual "
          "booster vaccinations, flea, tick and worming treatment, two health checks a year and nail clips, and "
          "gives you 10% off other treatment and food bought at the practice. It does not cover the rabies "
          "vaccine, dental treatment or out-of-hours emergency visits."),
    ("h", "Opening hours"),
    ("table", ["Day", "Hours"], [
        ["Monday to Friday", "8am to 7pm"],
        ["Saturday", "9am to 1pm"],
        ["Sunday and bank holidays", "Closed"],
    ]),
    ("p", "Emergencies: outside our opening hours, call 01632 960 777. Your call will go to NightPaws Emergency "
          "Vets, 41 Station Road, Ashwell Green AG2 6TF, who look after our patients overnight, at weekends and on "
          "bank holidays. Please always phone before you set off. Out-of-hours fees are not covered by the Healthy "
          "Pet Club."),
    ("p", "Kind regards,"),
    ("sig", ["Jodie Carter", "Reception Team", "Fernbrook Veterinary Centre",
             "14 Mill Lane, Ashwell Green AG1 3PD",
             "Tel 01632 960 740 | reception@fernbrook-vets.example | www.fernbrook-vets.example"]),
]


def plain_table(header: list[str], rows: list[list[str]]) -> str:
    show_header = any(header)
    all_rows = ([header] if show_header else []) + rows
    widths = [max(len(r[i]) for r in all_rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(all_rows):
        cells = [c.ljust(widths[i]) for i, c in enumerate(row)]
        lines.append(("  ".join(cells) if show_header else cells[0] + " : " + "  ".join(cells[1:])).rstrip())
        if show_header and n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join("  " + line for line in lines)


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


def render_plain() -> str:
    out = []
    for block in BLOCKS:
        kind = block[0]
        if kind == "p":
            out.append(wrap(block[1]))
        elif kind == "h":
            out.append(block[1].upper() + "\n" + "-" * len(block[1]))
        elif kind == "ul":
            out.append("\n".join("* " + wrap(item, indent="  ")[2:] for item in block[1]))
        elif kind == "table":
            out.append(plain_table(block[1], block[2]))
        elif kind == "sig":
            out.append("\n".join(block[1]))
    return "\n\n".join(out) + "\n"


def render_html() -> str:
    e = html.escape
    out = []
    for block in BLOCKS:
        kind = block[0]
        if kind == "p":
            out.append(f"<p>{e(block[1])}</p>")
        elif kind == "h":
            out.append(f'<h2 style="font-size:16px;color:#2e6b3f;margin:20px 0 6px;">{e(block[1])}</h2>')
        elif kind == "ul":
            out.append("<ul>" + "".join(f"<li>{e(i)}</li>" for i in block[1]) + "</ul>")
        elif kind == "table":
            header, rows = block[1], block[2]
            t = ['<table cellpadding="4" cellspacing="0" style="border-collapse:collapse;font-size:13px;">']
            if any(header):
                t.append("<tr>" + "".join(f'<th style="background:#e6f0e8;text-align:left;border:1px solid #c9d9cc;">'
                                          f"{e(h)}</th>" for h in header) + "</tr>")
            for row in rows:
                cells = []
                for i, c in enumerate(row):
                    weight = "font-weight:bold;" if not any(header) and i == 0 else ""
                    cells.append(f'<td style="border:1px solid #c9d9cc;{weight}">{e(c)}</td>')
                t.append("<tr>" + "".join(cells) + "</tr>")
            t.append("</table>")
            out.append("\n".join(t))
        elif kind == "sig":
            out.append("<p>" + "<br>\n".join(e(line) for line in block[1]) + "</p>")
    body = "\n".join(out)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Biscuit's vaccination and treatment record</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;line-height:1.45;">
<div style="max-width:680px;margin:0 auto;">
<div style="background:#2e6b3f;color:#fff;padding:14px 18px;font-size:20px;font-weight:bold;">
Fernbrook Veterinary Centre</div>
<div style="padding:8px 18px 18px;">
{body}
</div>
</div>
</body>
</html>
"""


HEADERS = """\
Return-Path: <reception@fernbrook-vets.example>
Received: from mail.fernbrook-vets.example (mail.fernbrook-vets.example [203.0.113.48])
 by mx.mailbox.example with ESMTPS id 7QpR2m4KcD for <helen.marsh@mailbox.example>;
 Tue, 24 Nov 2026 14:07:41 +0000
Message-ID: <20261124140739.FVC10482.3391@fernbrook-vets.example>
Date: Tue, 24 Nov 2026 14:07:39 +0000
From: Fernbrook Veterinary Centre <reception@fernbrook-vets.example>
To: Helen Marsh <helen.marsh@mailbox.example>
Subject: Biscuit's vaccination and treatment record (as requested)
MIME-Version: 1.0
X-Mailer: VetPractice Cloud 11.3
Content-Type: multipart/alternative; boundary="{b}"
"""


def qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def main() -> None:
    body = (
        HEADERS.format(b=BOUNDARY)
        + "\nThis is a multi-part message in MIME format.\n\n"
        + f"--{BOUNDARY}\n"
        + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        + qp(render_plain())
        + f"\n--{BOUNDARY}\n"
        + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        + qp(render_html())
        + f"\n--{BOUNDARY}--\n"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(body.replace("\n", "\r\n").encode("ascii"))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
