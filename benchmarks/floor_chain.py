"""The floor of DESIGN.md §6: a minimal chain check of a journal with the standard library.

Parse each line, check ``prev``, re-encode the envelope without ``hash`` canonically, SHA-256
it and compare: what any verifier must do, and nothing else (no field validation, no
evidence files). ``run.py`` measures it in the same run as ``rdvlog verify``.
"""

import hashlib
import json
import sys


def main(path: str) -> int:
    prev = "0" * 64
    with open(path, "rb") as handle:
        for raw in handle:
            obj = json.loads(raw)
            if obj["prev"] != prev:
                return 1
            stated = obj.pop("hash")
            body = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            if hashlib.sha256(body.encode()).hexdigest() != stated:
                return 1
            prev = stated
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
