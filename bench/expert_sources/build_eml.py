"""Build bench/expert/peer-review.eml: a journal editor's decision letter with two reviewers' numbered comments,
multipart/alternative with a text/plain part and a text/html part holding the same content, built with Python's
email package. Deterministic (fixed boundary, date and Message-ID).

    python bench/expert_sources/build_eml.py
"""

from __future__ import annotations

import html
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "expert" / "peer-review.eml"
BOUNDARY = "==_ECS_MC_7d41b09e2a5c_=="

# The body as blocks: ("p", text), ("h", heading), ("ol", [items]), ("sig", lines)
BLOCKS: list[tuple] = [
    ("p", "Dear Dr Ellery,"),
    ("p", "Manuscript ID ECS-2026-0418, \"Sediment flux response to managed realignment at Holbeck Marsh, "
          "2019-2025\""),
    ("p", "Thank you for submitting your manuscript to Estuarine & Coastal Systems on 2 October 2026. It has now "
          "been assessed by two reviewers, whose comments are below. On the basis of their reports, my decision is "
          "major revision. Both reviewers see real value in a six-year record from a managed realignment site, but "
          "Reviewer 1 has substantive concerns about the sediment budget and the statistics that must be resolved "
          "before the paper can be considered further."),
    ("p", "The most important points are Reviewer 1's points 1 and 3. Please also bring the main text within our "
          "limit of 8,000 words excluding references, tables and figure captions (Reviewer 2, point 4)."),
    ("p", "Please submit your revised manuscript by 15 February 2027 through ECS Manuscript Central, with a "
          "point-by-point response to each comment and a version with tracked changes. If you need more time, "
          "please ask for an extension before 1 February 2027. Revisions received after the deadline may be "
          "treated as new submissions."),
    ("h", "Reviewer 1"),
    ("p", "This manuscript presents suspended sediment and accretion data from Holbeck Marsh before and after the "
          "2019 breach. The dataset is valuable, but I have several concerns."),
    ("ol", [
        "The sediment budget in Table 3 does not close: total imports over the study period are 41,200 t but the "
        "sum of deposition and exports is 36,900 t. The authors should explain the missing 4,300 t or revise the "
        "budget.",
        "Suspended sediment concentration (SSC) is derived from turbidity using a calibration made in 2019 only. "
        "Sediment sources may have changed after the breach; please provide a site-specific recalibration for "
        "later years, or at least a sensitivity analysis.",
        "The trend analysis uses ordinary least squares regression on monthly time series that are clearly "
        "autocorrelated, which will understate the uncertainty. A generalised additive model with an "
        "autocorrelation term, or an ARIMA model, would be more appropriate.",
        "The colour scale in Figure 5 is not readable for colour-blind readers. Please use a perceptually uniform "
        "palette.",
        "The discussion should engage with Rennick et al. (2023), who report much lower accretion at a comparable "
        "site on the Humber.",
        "Minor: line 212 gives a mean accretion rate of 8.4 mm/yr, but Table 2 gives 7.9 mm/yr. Please check.",
    ]),
    ("p", "Recommendation: major revision."),
    ("h", "Reviewer 2"),
    ("p", "A clearly written paper on an important topic. I recommend acceptance after minor revisions."),
    ("ol", [
        "The site description should state the area of the realigned site and the breach width.",
        "The data availability statement says data are \"available on request\". The journal's policy requires "
        "deposit in a public repository; please do so and give the DOI.",
        "The discussion overstates carbon benefits: the claim of 2.1 t C/ha/yr sequestration is taken from "
        "the literature and was not measured at Holbeck. Please qualify it.",
        "The manuscript is currently 9,450 words and should be shortened; sections 4.2 and 4.3 overlap.",
    ]),
    ("p", "Recommendation: minor revision."),
    ("p", "I look forward to receiving your revised manuscript."),
    ("p", "Yours sincerely,"),
    ("sig", ["Prof. Miriam Castellanos", "Handling Editor, Estuarine & Coastal Systems",
             "Editorial office: ecs-editorial@coastaljournals.example"]),
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


def render_plain() -> str:
    out = []
    for block in BLOCKS:
        kind = block[0]
        if kind == "p":
            out.append(wrap(block[1]))
        elif kind == "h":
            out.append(block[1].upper() + "\n" + "-" * len(block[1]))
        elif kind == "ol":
            out.append("\n\n".join(f"{n}. " + wrap(item, indent="   ")[3:] for n, item in enumerate(block[1], 1)))
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
            out.append(f'<h2 style="font-size:16px;color:#1d4e6e;margin:20px 0 6px;">{e(block[1])}</h2>')
        elif kind == "ol":
            out.append("<ol>" + "".join(f"<li>{e(i)}</li>" for i in block[1]) + "</ol>")
        elif kind == "sig":
            out.append("<p>" + "<br>\n".join(e(line) for line in block[1]) + "</p>")
    body = "\n".join(out)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Decision on Manuscript ID ECS-2026-0418</title></head>
<body style="font-family:Georgia,serif;font-size:14px;color:#222;line-height:1.5;">
<div style="max-width:700px;margin:0 auto;">
<div style="background:#1d4e6e;color:#fff;padding:12px 18px;font-size:18px;">Estuarine &amp; Coastal Systems</div>
<div style="padding:8px 18px 18px;">
{body}
</div>
<div style="font-size:11px;color:#777;padding:0 18px 18px;">This e-mail was sent by ECS Manuscript Central. Please do
not reply to this automated address.</div>
</div>
</body>
</html>
"""


def main() -> None:
    msg = EmailMessage()
    msg["Return-Path"] = "<onbehalfof@manuscriptcentral.example>"
    msg["Message-ID"] = "<ECS-2026-0418.decision.20261217093512@manuscriptcentral.example>"
    msg["Date"] = "Thu, 17 Dec 2026 09:35:12 +0000"
    msg["From"] = "Prof. Miriam Castellanos <onbehalfof@manuscriptcentral.example>"
    msg["Reply-To"] = "ecs-editorial@coastaljournals.example"
    msg["To"] = "Dr Tom Ellery <t.ellery@holbeck-estuary.ac.example>"
    msg["Cc"] = "ecs-editorial@coastaljournals.example"
    msg["Subject"] = "Estuarine & Coastal Systems - Decision on Manuscript ID ECS-2026-0418"
    msg.set_content(render_plain(), cte="quoted-printable")
    msg.add_alternative(render_html(), subtype="html", cte="quoted-printable")
    msg.set_boundary(BOUNDARY)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(msg.as_bytes(policy=SMTP))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
