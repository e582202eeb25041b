"""Comparing two plan documents by row key: added, removed, changed, and word-level text differences."""

from cohesio.format import dump
from cohesio.format.diff import diff_documents, words
from cohesio.plans.tests.documents import small_document


def _doc():
    return dump(small_document())


def test_the_same_document_has_no_differences():
    assert diff_documents(_doc(), _doc()).changes == []


def test_a_new_row_is_added_and_a_missing_row_removed():
    old, new = _doc(), _doc()
    new["goals"].append({**new["goals"][0], "key": "g9", "title": "Parents feel supported"})
    del new["definitions"][0]

    changes = [(c.change, c.part, c.key) for c in diff_documents(old, new).changes]

    assert changes == [("added", "goals", "g9"), ("removed", "definitions", "def1")]


def test_rows_are_matched_by_key_not_by_position():
    old, new = _doc(), _doc()
    new["goals"].reverse()

    assert diff_documents(old, new).changes == []


def test_a_changed_row_lists_each_changed_field_with_a_word_diff():
    old, new = _doc(), _doc()
    new["goals"][1]["title"] = "Early help"
    new["goals"][1]["prevention_level"] = "general"

    (change,) = diff_documents(old, new).changes

    assert (change.change, change.key, change.label) == ("changed", "g2", "Early help")
    assert [f.field for f in change.fields] == ["title", "prevention_level"]
    assert [(w.op, w.text) for w in change.fields[0].words] == [
        ("equal", "Early "),
        ("delete", "support"),
        ("insert", "help"),
    ]


def test_changes_are_grouped_by_element_in_plan_order():
    old, new = _doc(), _doc()
    new["interventions"][0]["name"] = "Renamed"
    new["plan"]["vision"] = "Everyone belongs."
    new["network"]["partners"][0]["doubts"] = "Time."

    elements = [e.element for e in diff_documents(old, new).elements]

    assert elements == ["plan", "network", "interventions"]


def test_word_pieces_join_back_into_both_texts():
    old, new = "The youth council meets monthly.", "The new youth council meets every week."
    pieces = words(old, new)

    assert "".join(p.text for p in pieces if p.op != "insert") == old
    assert "".join(p.text for p in pieces if p.op != "delete") == new
