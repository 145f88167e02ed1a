"""The label table is one table: no key is written twice, where a later one would silently win.

``labels/__init__.py`` merges the tables of ``labels/*.py`` with ``**``; a key written in two
tables merged without a prefix (or twice in one dict literal) keeps only the last sentence, so
the other is lost without a word. Both are read with ``ast``, as written, before Python merges
anything. Tables merged under a prefix (``synthese.``, ``draft.``) are their own namespaces;
tables merged under the same prefix share it.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

LABELS = Path(__file__).resolve().parent.parent / "src" / "rdvlog" / "labels"


def tables() -> dict[str, list[tuple[str, int]]]:
    """Every ``NAME = {...}`` of the label modules: (key, line) of each string key."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path in sorted(LABELS.glob("*.py")):
        if path.name == "__init__.py":
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.target if isinstance(node, ast.AnnAssign) else None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
            value = getattr(node, "value", None)
            if isinstance(target, ast.Name) and isinstance(value, ast.Dict):
                found[target.id] = [
                    (key.value, key.lineno)
                    for key in value.keys
                    if isinstance(key, ast.Constant) and isinstance(key.value, str)
                ]
    return found


def merged() -> dict[str, str]:
    """Table name → the prefix ``labels/__init__.py`` merges it under ("" for none)."""
    tree = ast.parse((LABELS / "__init__.py").read_text(encoding="utf-8"))
    # The terminal's labels (``_TABLE``) and the documents' (``documents``, merged into it
    # on first use): one namespace.
    tables = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign | ast.Assign)
        and isinstance(node.value, ast.Dict)
        and {"_TABLE", "documents"}
        & {
            t.id
            for t in ([node.target] if isinstance(node, ast.AnnAssign) else node.targets)
            if isinstance(t, ast.Name)
        }
    ]
    assert len(tables) == 2
    prefixes: dict[str, str] = {}
    pairs = [pair for table in tables for pair in zip(table.keys, table.values, strict=True)]
    for key, value in pairs:
        assert key is None, "the table merges other tables with ** only"
        if isinstance(value, ast.Name):
            prefixes[value.id] = ""
        elif isinstance(value, ast.Call):  # _prefixed("synthese", SYNTHESE_LABELS)
            prefix, name = value.args
            assert isinstance(prefix, ast.Constant) and isinstance(name, ast.Name)
            prefixes[name.id] = f"{prefix.value}."
        elif isinstance(value, ast.DictComp):  # {key: (…) for key, (fr, en) in X.items()}
            (generator,) = value.generators
            assert isinstance(generator.iter, ast.Call)
            assert isinstance(generator.iter.func, ast.Attribute)
            assert isinstance(generator.iter.func.value, ast.Name)
            assert isinstance(value.key, ast.Name), "a comprehension that renames keys"
            prefixes[generator.iter.func.value.id] = ""
        else:
            raise AssertionError(f"line {value.lineno}: a merge this test does not read")
    return prefixes


def test_every_label_table_is_merged() -> None:
    assert set(tables()) == set(merged())


def test_no_label_key_is_defined_twice() -> None:
    written: dict[str, list[str]] = defaultdict(list)
    prefixes = merged()
    for name, keys in tables().items():
        for key, line in keys:
            written[prefixes.get(name, "") + key].append(f"{name} line {line}")
    twice = {key: places for key, places in written.items() if len(places) > 1}
    assert twice == {}


def test_help_keys_live_in_the_terminal_table() -> None:
    # has_label() answers for help.* and metavar.* without loading the documents' labels,
    # which is right only if none of those is a help or metavar key.
    from rdvlog.labels import TERMINAL_ONLY
    from rdvlog.labels.dossier import DOSSIER_LABELS
    from rdvlog.labels.drafts import DRAFT_LABELS
    from rdvlog.labels.report import REPORT_LABELS
    from rdvlog.labels.requete import REQUETE_LABELS
    from rdvlog.labels.synthese import SYNTHESE_LABELS

    documents = [*REPORT_LABELS, *DOSSIER_LABELS]  # the others are under synthese. and draft.
    assert [key for key in documents if key.startswith(TERMINAL_ONLY)] == []
    # ... nor for a text with a space, which is a sentence, not a key.
    documents += [*DRAFT_LABELS, *REQUETE_LABELS, *SYNTHESE_LABELS]
    assert [key for key in documents if " " in key] == []
