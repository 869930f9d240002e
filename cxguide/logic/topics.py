"""The topics of culture notes, in the order a briefing shows them, and the short names people type.

Kept apart from ``geo_notes`` so that building the command line (``cxguide notes --help`` lists
the topics) does not import the knowledge models.
"""

from __future__ import annotations

from cxguide.i18n import N_

TOPICS: tuple[tuple[str, str], ...] = (
    ("entering-the-market", N_("Entering the market")),
    ("onboarding", N_("Onboarding staff")),
    ("recruiting", N_("Recruiting participants")),
    ("language", N_("Language and translation")),
    ("moderation", N_("Moderating sessions")),
    ("surveys/response-style", N_("Surveys and response styles")),
    ("incentives", N_("Incentives")),
    ("consent/privacy", N_("Consent and privacy")),
    ("remote-vs-in-person", N_("Remote or in person")),
    ("interpreting-results", N_("Reading the results")),
)
TOPIC_IDS = tuple(topic for topic, _label in TOPICS)
# Short names people may type for a topic (CLI --topic), besides the ids themselves.
TOPIC_ALIASES = {
    "entering": "entering-the-market",
    "entry": "entering-the-market",
    "market": "entering-the-market",
    "surveys": "surveys/response-style",
    "response-style": "surveys/response-style",
    "consent": "consent/privacy",
    "privacy": "consent/privacy",
    "remote": "remote-vs-in-person",
    "interpreting": "interpreting-results",
    "results": "interpreting-results",
    "translation": "language",
}
RESEARCH_TOPICS = TOPIC_IDS[2:]
