"""The plan document without what partners wrote about themselves, for readers who may not read it."""

from cohesio.format import dump, load
from cohesio.format.private import EVERY, NOBODY, PrivateReading, private_partner, redacted_data, redacted_document


def small_document():
    return load(
        {
            "locality": {"name": "Riverside"},
            "plan": {"title": "Together in Riverside"},
            "network": {
                "organisations": [{"key": "o1", "name": "North School", "sector": "education"}],
                "partners": [
                    {"key": "p1", "name": "Ann Teacher", "organisation": "o1", "role": "Signals"},
                    {"key": "p2", "name": "Ben Officer", "sector": "police"},
                    {"key": "p3", "name": "Cas Neighbour", "network": "informal", "sector": "community"},
                ],
            },
        }
    )


def _document():
    data = dump(small_document())
    for partner, words in zip(data["network"]["partners"], ("Ann's", "Ben's", "Cas's"), strict=True):
        partner.update(interests=f"{words} hopes", doubts=f"{words} doubts", conditions=f"{words} conditions")
    return data


def _texts(data):
    return {p["key"]: (p["interests"], p["doubts"], p["conditions"]) for p in data["network"]["partners"]}


def test_a_reader_of_their_own_record_reads_only_their_own_words():
    data = _document()
    shown = redacted_data(data, PrivateReading(keys=frozenset({"p2"})))
    assert _texts(shown) == {
        "p1": ("", "", ""),
        "p2": ("Ben's hopes", "Ben's doubts", "Ben's conditions"),
        "p3": ("", "", ""),
    }
    assert [p["role"] for p in shown["network"]["partners"]] == ["Signals", "", ""]  # roles are for everyone


def test_the_stored_document_is_never_changed():
    data = _document()
    redacted_data(data, NOBODY)
    assert _texts(data)["p1"] == ("Ann's hopes", "Ann's doubts", "Ann's conditions")


def test_nothing_is_copied_when_nothing_needs_hiding():
    data = _document()
    assert redacted_data(data, EVERY) is data
    plain = dump(small_document())
    assert redacted_data(plain, NOBODY) is plain  # nobody wrote anything


def test_the_document_object_is_redacted_the_same_way():
    doc = small_document()
    doc.network.partners[0].doubts = "Ann's doubts"
    shown = redacted_document(doc, NOBODY)
    assert shown.network.partners[0].doubts == "" and doc.network.partners[0].doubts == "Ann's doubts"
    assert redacted_document(doc, PrivateReading(keys=frozenset({"p1"}))) is doc


def test_a_path_into_a_partners_own_words_names_that_partner():
    keys = ["p1", "p2", "p3"]
    assert private_partner("$.network.partners[1].doubts", keys) == "p2"
    assert private_partner("$.network.partners[p3].conditions", keys) == "p3"  # keyed, as acceptances store it
    assert private_partner("$.network.partners[1].role", keys) is None  # a partner's role is for everyone
    assert private_partner("$.network.partners[1]", keys) is None
    assert private_partner("$.network.partners[7].doubts", keys) is None  # no such row
