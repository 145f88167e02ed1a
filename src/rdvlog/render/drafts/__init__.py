"""The drafts a person reads, completes and signs: the letter, the requête, the attestation."""

from __future__ import annotations

from rdvlog.render.drafts.attestation import attestation
from rdvlog.render.drafts.letter import CONTACT_FORM_LIMIT, letter, letter_text
from rdvlog.render.drafts.requete import requete

__all__ = ["CONTACT_FORM_LIMIT", "attestation", "letter", "letter_text", "requete"]
