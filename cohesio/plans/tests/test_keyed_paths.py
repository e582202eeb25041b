"""Keyed JSON paths: rows named by key survive reorders; positions come back for the document at hand."""

from cohesio.format.paths import keyed_path, positional_path

from .documents import small_document


def test_positions_become_keys_and_back():
    doc = small_document()
    partner = doc.network.partners[1]
    keyed = keyed_path(doc, "$.network.partners[1].accepts_coordinator")
    assert keyed == f"$.network.partners[{partner.key}].accepts_coordinator"
    assert positional_path(doc, keyed) == "$.network.partners[1].accepts_coordinator"


def test_a_keyed_path_follows_its_row_when_rows_move():
    doc = small_document()
    keyed = keyed_path(doc, "$.network.partners[2].doubts")
    doc.network.partners.reverse()
    assert positional_path(doc, keyed) == "$.network.partners[0].doubts"


def test_a_deleted_row_has_no_position():
    doc = small_document()
    keyed = keyed_path(doc, "$.network.partners[2].doubts")
    del doc.network.partners[2]
    assert positional_path(doc, keyed) is None


def test_paths_without_rows_or_keys_stay_as_they_are():
    doc = small_document()
    assert keyed_path(doc, "$.plan.vision") == "$.plan.vision"
    assert keyed_path(doc, "$.network.ties[0].kind") == "$.network.ties[0].kind"  # ties have no key
    assert keyed_path(doc, "$.goals[99].title") == "$.goals[99].title"  # no such row
    assert positional_path(doc, "$.plan.vision") == "$.plan.vision"
