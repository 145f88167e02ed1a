"""Properties of place resolution: ``-p`` and ``rdvlog prefectures`` agree on every office."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rdvlog.errors import UsageError
from rdvlog.places import normalise, offices, resolve, search

NAMES = sorted(
    {name for o in offices() for name in (o.label, o.office, o.department, o.department_name)}
)
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]


@st.composite
def typed(draw: st.DrawFn) -> str:
    """A directory name as someone may type it: case changed, an invisible character slipped in."""
    name = draw(st.sampled_from(NAMES))
    name = draw(st.sampled_from([name, name.upper(), name.lower()]))
    where = draw(st.integers(0, len(name)))
    return name[:where] + draw(st.sampled_from(["", *INVISIBLE])) + name[where:]


@settings(derandomize=True, max_examples=400, deadline=None)
@given(text=typed())
def test_resolve_and_search_agree_on_the_first_office(text: str) -> None:
    try:
        office = resolve(text)
    except UsageError:
        return  # an ambiguous town: search lists the candidates, none first by right
    assert search(text)[0] == office


@settings(derandomize=True, max_examples=200, deadline=None)
@given(name=st.sampled_from(NAMES), junk=st.sampled_from(INVISIBLE))
def test_invisible_characters_do_not_change_the_key(name: str, junk: str) -> None:
    import unicodedata

    assert normalise(junk + name + junk) == normalise(unicodedata.normalize("NFD", name))
