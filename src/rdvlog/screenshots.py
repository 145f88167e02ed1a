"""Finding the screenshot just taken: the newest image in the user's screenshot folders."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import platformdirs

from rdvlog.errors import BadEvidence, Phrase
from rdvlog.evidence import detect_media_type

#: A screenshot older than this before the attempt is probably not this attempt's.
MAX_AGE = dt.timedelta(minutes=15)
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif"})


#: Where desktops save screenshots inside a pictures folder, in English and in French
#: (GNOME says « Captures d'écran », with a straight or a typographic apostrophe).
SCREENSHOT_SUBFOLDERS = (
    "Screenshots",
    "Captures d'écran",
    "Captures d\u2019écran",
    "Capture d'écran",
)


def screenshot_dirs() -> list[Path]:
    """``RDVLOG_SCREENSHOT_DIR`` alone when set, else the platform's usual places.

    Those are the screenshot subfolders of ``~/Pictures``, ``~/Images`` (a French desktop's
    pictures folder) and the XDG pictures folder, those folders themselves, and on macOS the
    desktop, which a French Finder shows as « Bureau ».
    """
    configured = os.environ.get("RDVLOG_SCREENSHOT_DIR")
    if configured:
        return [Path(configured).expanduser()]
    home = Path.home()
    pictures = [home / "Pictures", home / "Images", Path(platformdirs.user_pictures_dir())]
    candidates = [folder / sub for folder in pictures for sub in SCREENSHOT_SUBFOLDERS]
    candidates.extend(pictures)
    if sys.platform == "darwin":
        candidates.extend([home / "Desktop", home / "Bureau"])
    return list(dict.fromkeys(candidates))


def _images(folder: Path) -> Iterable[tuple[float, Path]]:
    try:
        children = list(os.scandir(folder))
    except OSError:
        return
    for child in children:
        if Path(child.name).suffix.lower() not in IMAGE_SUFFIXES:
            continue
        try:
            if child.is_file():
                yield child.stat().st_mtime, Path(child.path)
        except OSError:
            continue


def latest_screenshot(folders: Iterable[Path], *, attempt_at: dt.datetime) -> Path:
    """The newest image file in ``folders``; refused when older than 15 minutes before the
    attempt (when ``--at`` puts the attempt earlier, an older screenshot is accepted)."""
    searched = [folder for folder in folders if folder.is_dir()]
    found = sorted((item for folder in searched for item in _images(folder)), reverse=True)
    for mtime, path in found:
        try:
            with path.open("rb") as handle:
                head = handle.read(64)
        except OSError:
            continue
        if not detect_media_type(head, "").startswith("image/"):
            continue  # named like an image, but is not one
        taken = dt.datetime.fromtimestamp(mtime, dt.timezone.utc)
        if taken < attempt_at - MAX_AGE:
            age = attempt_at - taken
            minutes = int(age.total_seconds() // 60)
            raise BadEvidence(key="error.screenshot.old", path=path, age=_age(minutes))
        return path
    where = ", ".join(str(f) for f in searched) or ", ".join(str(f) for f in folders)
    raise BadEvidence(key="error.screenshot.none", where=where)


def _age(minutes: int) -> Phrase:
    if minutes < 120:
        return Phrase("error.age.minutes", {"n": minutes})
    hours = minutes // 60
    if hours < 48:
        return Phrase("error.age.hours", {"n": hours})
    return Phrase("error.age.days", {"n": hours // 24})
