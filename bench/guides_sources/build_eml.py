"""Build bench/guides/flight-booking.eml: an airline's booking confirmation, multipart/alternative with a text/plain
part and a text/html part holding the same content. Deterministic (fixed boundary, date and Message-ID).

    python bench/guides_sources/build_eml.py
"""

from __future__ import annotations

import html
import quopri
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "guides" / "flight-booking.eml"
BOUNDARY = "==_AURELIAN_0b7f3e91c4d2a6_=="

PLAIN = """\
AURELIAN AIR
Booking confirmation

Dear Mr Okafor-Reyes,

Thank you for booking with Aurelian Air. Your booking is confirmed and
your e-tickets have been issued. Please keep this e-mail: you will need
your booking reference to check in and to manage your booking.

BOOKING REFERENCE: K7QPZM
Booking date: 3 December 2026
Fare type: Classic

PASSENGERS
  1. Mr Daniel Okafor-Reyes (adult)   e-ticket 418 2290 448171
  2. Mrs Priya Okafor-Reyes (adult)   e-ticket 418 2290 448172
  3. Miss Leah Okafor-Reyes (child, age 9)   e-ticket 418 2290 448173

OUTBOUND - Saturday 13 February 2027
  Flight AU 417, Manchester (MAN) to Lisbon (LIS)
  Departs 07:15 Manchester, Terminal 2
  Arrives 10:35 Lisbon, Terminal 1 (local time)
  Flight time 3h 20m, non-stop. Aircraft: Airbus A320neo
  Seats: 14A, 14B, 14C

RETURN - Saturday 20 February 2027
  Flight AU 418, Lisbon (LIS) to Manchester (MAN)
  Departs 11:20 Lisbon, Terminal 1
  Arrives 13:55 Manchester, Terminal 2 (local time)
  Flight time 2h 35m, non-stop
  Seats: 21D, 21E, 21F

All times are local to the airport concerned. Lisbon is on the same
time as Manchester in February.

BAGGAGE ALLOWANCE (each passenger, each flight)
  - 1 under-seat personal item, max 40 x 30 x 15 cm
  - 1 cabin bag, max 10 kg and 55 x 40 x 23 cm
  - 1 hold bag, max 23 kg
Extra hold bags cost GBP 45 per bag per flight if added online at least
24 hours before departure, or GBP 70 per bag at the airport. Hold bags
weighing more than 23 kg and up to 32 kg are charged GBP 15 per kg over
the allowance. No single bag may weigh more than 32 kg.

PAYMENT
  Fares (3 passengers, return)       GBP  702.00
  Taxes, fees and charges            GBP  296.30
  Seat selection (6 seats)           GBP   84.00
  Total paid                         GBP 1,082.30
Paid by Visa ending 4417 on 3 December 2026.

FARE RULES - CLASSIC
  Changes: you can change the date or time of your flights up to 24
  hours before departure. The change fee is GBP 60 per passenger per
  flight, plus any difference in fare. Changes are not possible within
  24 hours of departure.
  Name changes: not permitted. We will correct spelling mistakes of up
  to 3 characters per name free of charge.
  Cancellation: Classic fares are non-refundable. If you cancel, or do
  not travel, you can claim back the government taxes and airport
  charges (GBP 52.40 per passenger for this booking) within 12 months
  of the flight date. An administration fee of GBP 15 per passenger is
  deducted from these refunds.
  If you miss the outbound flight, the return flight is not cancelled
  provided you tell us before it departs.

CHECK-IN
  Online check-in opens 48 hours before departure and closes 2 hours
  before departure. Check in at aurelianair.example/checkin or in the
  Aurelian Air app, and download or print your boarding passes.
  Airport check-in desks and bag drop open 3 hours before departure and
  close 60 minutes before departure.
  The boarding gate closes 25 minutes before departure. Passengers who
  arrive at the gate after it has closed will not be allowed to board.

TRAVEL DOCUMENTS
  All three passengers need a valid passport, including Leah. For
  travel to Portugal your passport must be less than 10 years old on
  the day you enter and valid for at least 3 months after the day you
  plan to leave. Please enter passport details for every passenger in
  Manage Booking before you check in.

SPECIAL ASSISTANCE
  If anyone in your party needs help at the airport or on board,
  please let us know at least 48 hours before departure through Manage
  Booking or by phone. This service is free.

MANAGE YOUR BOOKING
  aurelianair.example/manage - use your booking reference K7QPZM and
  the surname OKAFOR-REYES.

CONTACT US
  Customer Care: 0330 808 4417
  Monday to Friday 08:00-20:00, Saturday and Sunday 09:00-17:30 (UK time).
  For urgent help on the day of travel, 24 hours: 0330 808 4400.
  Calls cost the same as calls to UK landline numbers.

We look forward to welcoming you on board.

Aurelian Air Customer Care

Aurelian Air Ltd, Skyway House, Ringway Business Park, Manchester
M90 5AP. Registered in England and Wales no. 07713562.
This e-mail was sent to d.okaforreyes@mailbox.example because you made
a booking with Aurelian Air. Please do not reply to this e-mail: this
mailbox is not monitored.
"""


def e(s: str) -> str:
    return html.escape(s, quote=False)


def flight_block(title: str, rows: list[tuple[str, str]]) -> str:
    cells = "\n".join(f'<tr><td style="padding:4px 12px 4px 0;color:#555;">{e(k)}</td>'
                      f'<td style="padding:4px 0;"><strong>{e(v)}</strong></td></tr>' for k, v in rows)
    return (f'<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">{e(title)}</h2>\n'
            f'<table role="presentation" cellspacing="0" cellpadding="0" style="font-size:14px;">\n{cells}\n</table>')


HTML = f"""\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aurelian Air booking confirmation K7QPZM</title>
</head>
<body style="margin:0;padding:0;background:#eef2f6;font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#eef2f6;">
<tr><td align="center" style="padding:24px 8px;">
<table role="presentation" width="640" cellspacing="0" cellpadding="0" style="background:#ffffff;max-width:640px;">
<tr><td style="background:#0b3d62;color:#ffffff;padding:18px 24px;font-size:22px;font-weight:bold;letter-spacing:2px;">AURELIAN AIR</td></tr>
<tr><td style="padding:24px;font-size:14px;line-height:1.5;">
<h1 style="font-size:22px;margin:0 0 14px;">Booking confirmation</h1>
<p>Dear Mr Okafor-Reyes,</p>
<p>Thank you for booking with Aurelian Air. Your booking is confirmed and your e-tickets have been issued. Please keep this e-mail: you will need your booking reference to check in and to manage your booking.</p>
<table role="presentation" cellspacing="0" cellpadding="0" style="background:#f3f7fb;border:1px solid #c9d8e6;width:100%;margin:12px 0;">
<tr><td style="padding:14px 16px;">
<div style="font-size:12px;color:#555;text-transform:uppercase;">Booking reference</div>
<div style="font-size:28px;font-weight:bold;letter-spacing:4px;color:#0b3d62;">K7QPZM</div>
<div style="font-size:13px;color:#333;">Booking date: 3 December 2026 &middot; Fare type: Classic</div>
</td></tr></table>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Passengers</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="font-size:14px;width:100%;">
<tr style="color:#555;"><th align="left" style="padding:4px 0;">Passenger</th><th align="left" style="padding:4px 0;">E-ticket</th></tr>
<tr><td style="padding:4px 0;">1. Mr Daniel Okafor-Reyes (adult)</td><td>418 2290 448171</td></tr>
<tr><td style="padding:4px 0;">2. Mrs Priya Okafor-Reyes (adult)</td><td>418 2290 448172</td></tr>
<tr><td style="padding:4px 0;">3. Miss Leah Okafor-Reyes (child, age 9)</td><td>418 2290 448173</td></tr>
</table>

{flight_block("Outbound - Saturday 13 February 2027", [
    ("Flight", "AU 417, Manchester (MAN) to Lisbon (LIS)"),
    ("Departs", "07:15 Manchester, Terminal 2"),
    ("Arrives", "10:35 Lisbon, Terminal 1 (local time)"),
    ("Duration", "3h 20m, non-stop. Aircraft: Airbus A320neo"),
    ("Seats", "14A, 14B, 14C"),
])}

{flight_block("Return - Saturday 20 February 2027", [
    ("Flight", "AU 418, Lisbon (LIS) to Manchester (MAN)"),
    ("Departs", "11:20 Lisbon, Terminal 1"),
    ("Arrives", "13:55 Manchester, Terminal 2 (local time)"),
    ("Duration", "2h 35m, non-stop"),
    ("Seats", "21D, 21E, 21F"),
])}
<p style="font-size:13px;color:#555;">All times are local to the airport concerned. Lisbon is on the same time as Manchester in February.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Baggage allowance (each passenger, each flight)</h2>
<ul>
<li>1 under-seat personal item, max 40 x 30 x 15 cm</li>
<li>1 cabin bag, max 10 kg and 55 x 40 x 23 cm</li>
<li>1 hold bag, max 23 kg</li>
</ul>
<p>Extra hold bags cost GBP 45 per bag per flight if added online at least 24 hours before departure, or GBP 70 per bag at the airport. Hold bags weighing more than 23 kg and up to 32 kg are charged GBP 15 per kg over the allowance. No single bag may weigh more than 32 kg.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Payment</h2>
<table role="presentation" cellspacing="0" cellpadding="0" style="font-size:14px;width:100%;">
<tr><td style="padding:3px 0;">Fares (3 passengers, return)</td><td align="right">GBP 702.00</td></tr>
<tr><td style="padding:3px 0;">Taxes, fees and charges</td><td align="right">GBP 296.30</td></tr>
<tr><td style="padding:3px 0;">Seat selection (6 seats)</td><td align="right">GBP 84.00</td></tr>
<tr><td style="padding:3px 0;border-top:1px solid #999;"><strong>Total paid</strong></td><td align="right" style="border-top:1px solid #999;"><strong>GBP 1,082.30</strong></td></tr>
</table>
<p>Paid by Visa ending 4417 on 3 December 2026.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Fare rules - Classic</h2>
<p><strong>Changes:</strong> you can change the date or time of your flights up to 24 hours before departure. The change fee is GBP 60 per passenger per flight, plus any difference in fare. Changes are not possible within 24 hours of departure.</p>
<p><strong>Name changes:</strong> not permitted. We will correct spelling mistakes of up to 3 characters per name free of charge.</p>
<p><strong>Cancellation:</strong> Classic fares are non-refundable. If you cancel, or do not travel, you can claim back the government taxes and airport charges (GBP 52.40 per passenger for this booking) within 12 months of the flight date. An administration fee of GBP 15 per passenger is deducted from these refunds.</p>
<p>If you miss the outbound flight, the return flight is not cancelled provided you tell us before it departs.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Check-in</h2>
<p>Online check-in opens 48 hours before departure and closes 2 hours before departure. Check in at <a href="https://aurelianair.example/checkin">aurelianair.example/checkin</a> or in the Aurelian Air app, and download or print your boarding passes.</p>
<p>Airport check-in desks and bag drop open 3 hours before departure and close 60 minutes before departure.</p>
<p>The boarding gate closes 25 minutes before departure. Passengers who arrive at the gate after it has closed will not be allowed to board.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Travel documents</h2>
<p>All three passengers need a valid passport, including Leah. For travel to Portugal your passport must be less than 10 years old on the day you enter and valid for at least 3 months after the day you plan to leave. Please enter passport details for every passenger in Manage Booking before you check in.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Special assistance</h2>
<p>If anyone in your party needs help at the airport or on board, please let us know at least 48 hours before departure through Manage Booking or by phone. This service is free.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Manage your booking</h2>
<p><a href="https://aurelianair.example/manage">aurelianair.example/manage</a> - use your booking reference K7QPZM and the surname OKAFOR-REYES.</p>

<h2 style="font-size:17px;color:#0b3d62;margin:22px 0 6px;">Contact us</h2>
<p>Customer Care: 0330 808 4417<br>
Monday to Friday 08:00-20:00, Saturday and Sunday 09:00-17:30 (UK time).<br>
For urgent help on the day of travel, 24 hours: 0330 808 4400.<br>
Calls cost the same as calls to UK landline numbers.</p>

<p>We look forward to welcoming you on board.</p>
<p>Aurelian Air Customer Care</p>
</td></tr>
<tr><td style="background:#f3f5f7;padding:16px 24px;font-size:11px;color:#666;line-height:1.4;">
Aurelian Air Ltd, Skyway House, Ringway Business Park, Manchester M90 5AP. Registered in England and Wales no. 07713562.<br>
This e-mail was sent to d.okaforreyes@mailbox.example because you made a booking with Aurelian Air. Please do not reply to this e-mail: this mailbox is not monitored.
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
"""

HEADERS = """\
Return-Path: <bounce-k7qpzm@mail.aurelianair.example>
Received: from mta3.mail.aurelianair.example (mta3.mail.aurelianair.example [198.51.100.23])
 by mx.mailbox.example with ESMTPS id 4Hk2Lq0ZxT for <d.okaforreyes@mailbox.example>;
 Thu, 03 Dec 2026 19:42:18 +0000
Message-ID: <K7QPZM.20261203194216.7731@mail.aurelianair.example>
Date: Thu, 03 Dec 2026 19:42:16 +0000
From: Aurelian Air <bookings@aurelianair.example>
Reply-To: Aurelian Air <no-reply@aurelianair.example>
To: Daniel Okafor-Reyes <d.okaforreyes@mailbox.example>
Subject: Your booking is confirmed: Manchester - Lisbon, 13 Feb 2027 (ref K7QPZM)
MIME-Version: 1.0
X-Mailer: Aurelian Notify 4.2
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
        + qp(PLAIN)
        + f"\n--{BOUNDARY}\n"
        + "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        + qp(HTML)
        + f"\n--{BOUNDARY}--\n"
    )
    OUT.write_bytes(body.replace("\n", "\r\n").encode("ascii"))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
