"""The capture time a screenshot carries in its own bytes: PNG ``tIME``, EXIF ``DateTimeOriginal``.

Pure parsing of the first bytes of a file, no image library. A PNG ``tIME`` chunk is in UTC
(PNG specification, 11.3.6.1): the result is aware. An EXIF date has no zone unless an
``OffsetTimeOriginal`` tag gives one: the result is then naive, local to the device.
Anything malformed gives None: this is a hint for the reader (« à vérifier »), never a proof.
"""

from __future__ import annotations

import datetime as dt
import re
import struct

#: How much of a file is read: the PNG tIME chunk and the EXIF block come first in practice.
HEAD = 64 * 1024

_PNG = b"\x89PNG\r\n\x1a\n"
_EXIF_DATE = re.compile(rb"^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(rb"^([+-])(\d{2}):(\d{2})")
_DATE_TIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_EXIF_IFD = 0x8769


def capture_time(data: bytes) -> dt.datetime | None:
    """The capture time recorded inside a PNG or JPEG, or None."""
    try:
        if data.startswith(_PNG):
            return _png(data)
        if data.startswith(b"\xff\xd8"):
            return _jpeg(data)
    except (struct.error, ValueError, IndexError):
        return None
    return None


def _png(data: bytes) -> dt.datetime | None:
    position = len(_PNG)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        if kind == b"tIME" and length == 7:
            year, month, day, hour, minute, second = struct.unpack(">HBBBBB", body)
            return dt.datetime(
                year, month, day, hour, minute, min(second, 59), tzinfo=dt.timezone.utc
            )
        if kind == b"IEND":
            return None
        position += 12 + length
    return None


def _jpeg(data: bytes) -> dt.datetime | None:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no more metadata
            return None
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        segment = data[position + 4 : position + 2 + length]
        if marker == 0xE1 and segment.startswith(b"Exif\x00\x00"):
            return _exif(segment[6:])
        position += 2 + length
    return None


def _exif(tiff: bytes) -> dt.datetime | None:
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None:
        return None
    (first,) = struct.unpack(order + "I", tiff[4:8])
    tags = _ifd(tiff, first, order)
    exif = tags.get(_EXIF_IFD)
    if exif is not None:
        tags.update(_ifd(tiff, exif[1], order))
    found = tags.get(_DATE_TIME_ORIGINAL)
    if found is None:
        return None
    match = _EXIF_DATE.match(_ascii(tiff, found, order))
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(group) for group in match.groups())
    moment = dt.datetime(year, month, day, hour, minute, second)
    offset = tags.get(_OFFSET_TIME_ORIGINAL)
    if offset is not None:
        sign_match = _OFFSET.match(_ascii(tiff, offset, order))
        if sign_match:
            sign = -1 if sign_match.group(1) == b"-" else 1
            delta = dt.timedelta(hours=int(sign_match.group(2)), minutes=int(sign_match.group(3)))
            moment = moment.replace(tzinfo=dt.timezone(sign * delta))
    return moment


def _ifd(tiff: bytes, offset: int, order: str) -> dict[int, tuple[int, int]]:
    """Tag → (count, value or offset) of the IFD at ``offset``."""
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    tags = {}
    for index in range(min(count, 512)):
        start = offset + 2 + 12 * index
        tag, _kind, n, value = struct.unpack(order + "HHII", tiff[start : start + 12])
        tags[tag] = (n, value)
    return tags


def _ascii(tiff: bytes, entry: tuple[int, int], order: str) -> bytes:
    count, value = entry
    if count <= 4:
        return struct.pack(order + "I", value)[:count]
    return tiff[value : value + count]
