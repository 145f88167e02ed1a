"""File names of the dossier's pièces as Télérecours accepts them (DESIGN.md §5)."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_LENGTH", "piece_file_name"]

# Télérecours: `PJ<n>_<label>`, at most 80 characters, no accents nor `% / & .` in names.
MAX_LENGTH = 80
FALLBACK_LABEL = "piece"
# Letters that NFKD does not decompose into an ASCII base letter plus accents.
_LIGATURES = str.maketrans(
    {
        "œ": "oe",
        "Œ": "OE",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "ẞ": "SS",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ł": "l",
        "Ł": "L",
        "ı": "i",
        "’": "_",
    }
)
_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9_-]+")
_UNDERSCORES = re.compile(r"_{2,}")


def _ascii_label(label: str) -> str:
    decomposed = unicodedata.normalize("NFKD", label.translate(_LIGATURES))
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    underscored = _UNDERSCORES.sub("_", _NOT_ALLOWED.sub("_", ascii_only))
    return underscored.strip("_")


def piece_file_name(number: int, label: str) -> str:
    """``PJ<nn>_<ascii label>.pdf``: two digits at least, at most 80 characters in all.

    The label is folded to ASCII (é→e, œ→oe, ß→ss), anything but letters, digits, ``_`` and
    ``-`` becomes ``_``; it is truncated when too long, never the number nor ``.pdf``.
    """
    if number < 0:
        raise ValueError(f"a pièce number is not negative: {number}")
    prefix, suffix = f"PJ{number:02d}_", ".pdf"
    room = MAX_LENGTH - len(prefix) - len(suffix)
    ascii_label = _ascii_label(label)[:room].rstrip("_") or FALLBACK_LABEL
    return f"{prefix}{ascii_label}{suffix}"
