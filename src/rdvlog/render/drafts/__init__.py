"""The drafts a person reads, completes and signs: the letter, the requête, the attestation."""

from __future__ import annotations

from rdvlog.render.drafts.attestation import attestation
from rdvlog.render.drafts.letter import CONTACT_FORM_LIMIT, letter, letter_text
from rdvlog.render.drafts.requete import requete
from rdvlog.render.drafts.shared import broken_chain, with_broken_chain

__all__ = [
    "CONTACT_FORM_LIMIT",
    "attestation",
    "broken_chain",
    "letter",
    "letter_text",
    "requete",
    "with_broken_chain",
]
