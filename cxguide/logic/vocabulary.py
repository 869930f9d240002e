"""Plain words for the coded values of the knowledge files (remote, needs_product, ...).

One place for these labels, so that the ranking's reasons, the method view and the exports all
say the same thing.
"""

from __future__ import annotations

from cxguide.i18n import N_, _

_FACT_VALUES: dict[str, dict[str, str]] = {
    "remote": {
        "in_person_only": N_("in person only (both in one room)"),
        "in_person_usual": N_("usually in person"),
        "either": N_("in person or remote"),
        "remote_usual": N_("usually remote"),
        "remote_only": N_("remote only"),
        "no_sessions": N_("no sessions with participants"),
    },
    "needs_product": {
        "nothing": N_("nothing"),
        "materials": N_("research materials only (cards, a list, a tree)"),
        "concept_or_design": N_("a concept or a design"),
        "prototype_or_product": N_("a prototype or a product"),
        "working_product": N_("a working product"),
        "live_product": N_("a live product with real users"),
    },
}


def fact_value_text(kind: str, value: str) -> str:
    """A fact's value in plain words (the codes of 'remote' and 'needs_product' spelled out)."""
    label = _FACT_VALUES.get(kind, {}).get(value)
    return _(label) if label is not None else value
