"""Questions that ask for a summary ("Summarize the discussion about X", "What did the group decide about Y?").

One quoted sentence answers "Who ...?" or "When ...?", but not "What did the Marketing think of the buttons?":
the answer is what several turns of a meeting said. The offline answerer gives such questions a topic brief
(the question is the topic) instead of its best sentence. The rule is narrow on purpose: on SQuAD and the
multi-hop sets it matches under 0.5% of questions, on QMSum's query-focused ones about three in four
(bench/briefs.py reports both).
"""

from __future__ import annotations

import re

_SUMMARISE = re.compile(
    r"^\s*(?:please\s+)?(?:summari[sz]e|describe|outline|give\s+(?:me\s+)?(?:an?\s+)?(?:overview|summary|recap))\b",
    re.IGNORECASE,
)
# "What did <someone> think/say/decide ... about <topic>": someone's view or the group's outcome.
_VIEW = re.compile(
    r"^\s*(?:what|how)\s+(?:did|does|do|would)\s+[^?]{1,80}?\b(?:think|say|discuss|talk|suggest|propose|comment|feel"
    r"|decide|agree|conclude|elaborate|respond|argue)\s+(?:about|of|on|over|towards?|regarding|when|with)\b",
    re.IGNORECASE,
)
# "What was the group's decision on ...", "What were their thoughts about ...", "What was the debate about ...".
_VIEW_NOUN = re.compile(
    r"^\s*(?:what|how)(?:'s|’s|\s+(?:was|were|is|are))\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+)?[^?]{0,40}?"
    r"\b(?:opinions?|views?|thoughts|decisions?|conclusions?|discussions?|debate|controversy|reactions?|stance"
    r"|feedback|consensus|arguments?)\s+(?:about|of|on|over|towards?|regarding|with)\b",
    re.IGNORECASE,
)


def asks_for_summary(question: str) -> bool:
    """Whether the question asks what was said or decided about something, rather than for one fact."""
    return bool(_SUMMARISE.match(question) or _VIEW.match(question) or _VIEW_NOUN.match(question))
