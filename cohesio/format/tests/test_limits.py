"""Bad plan files are refused with a message at a JSON path, never a traceback: size, nesting, repeated keys,
NUL characters, numbers JSON does not have, rows beyond the limits, geometry that is not GeoJSON."""

import json
import time

import pytest

from cohesio.format import PlanFormatError, load
from cohesio.format.document import MAX_ACCEPTED_TERMS, MAX_ROWS, geometry_problem
from cohesio.format.files import read_plan_file
from cohesio.format.io import MAX_DEPTH


def plan(**changes) -> dict:
    data = {
        "locality": {"name": "Riverside"},
        "plan": {"title": "Together"},
        "goals": [{"key": "g1", "title": "Resilient youth"}],
        "analysis": {
            "areas": [{"key": "a1", "name": "Old Town", "geometry": {"type": "Point", "coordinates": [5.1, 52.0]}}],
            "indicators": [{"key": "i1", "name": "Reports", "observations": [{"period": "2025", "value": 3}]}],
        },
    }
    data.update(changes)
    return data


def problems(data, **limits) -> list[str]:
    with pytest.raises(PlanFormatError) as refused:
        load(data, **limits)
    return [str(p) for p in refused.value.problems]


def test_a_small_plan_loads():
    assert load(json.dumps(plan())).goals[0].title == "Resilient youth"


def test_json_nested_far_deeper_than_python_recurses_is_refused_with_a_message():
    deep = "[" * 200_000 + "]" * 200_000

    assert problems(deep) == [f"$: nested more than {MAX_DEPTH} levels deep"]


def test_nesting_past_the_limit_is_named_at_its_path():
    data = plan()
    data["analysis"]["areas"][0]["geometry"]["coordinates"] = json.loads("[" * 40 + "]" * 40)

    found = problems(json.dumps(data))

    assert len(found) == 1
    assert found[0].startswith("$.analysis.areas[0].geometry.coordinates[0][0]")
    assert found[0].endswith(f"nested more than {MAX_DEPTH} levels deep")


def test_the_depth_limit_is_a_parameter():
    # the document is level 1, analysis 2, its list of areas 3, an area 4
    assert problems(json.dumps(plan()), max_depth=4) == [
        "$.analysis.areas[0].geometry: nested more than 4 levels deep",
        "$.analysis.indicators[0].observations: nested more than 4 levels deep",
    ]


def test_a_key_given_twice_is_an_error_naming_its_json_path():
    text = '{"locality": {"name": "A"}, "plan": {"title": "One", "vision": "x", "title": "Two"}}'

    assert problems(text) == ["$.plan.title: the key 'title' is given more than once"]


def test_a_repeated_key_inside_a_list_names_the_row():
    text = json.dumps(plan()).replace('"title": "Resilient youth"', '"title": "Resilient youth", "key": "g2"')

    assert problems(text) == ["$.goals[0].key: the key 'key' is given more than once"]


@pytest.mark.parametrize(
    "place",
    [
        ("plan", "title"),  # a name
        ("plan", "vision"),  # a long text
        ("goals", 0, "description"),
    ],
)
def test_a_nul_character_in_text_is_refused_at_its_path(place):
    data = plan()
    target = data
    for step in place[:-1]:
        target = target[step]
    target[place[-1]] = "before\x00after"
    path = "$" + "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in place)

    assert problems(json.dumps(data)) == [f"{path}: text must not contain NUL characters (\\u0000)"]


def test_a_nul_character_is_refused_in_data_given_as_a_dict_too():
    data = plan()
    data["analysis"]["areas"][0]["geometry"]["type\x00"] = "x"

    assert problems(data) == ["$.analysis.areas[0].geometry: a key: text must not contain NUL characters (\\u0000)"]


def test_a_nul_character_is_refused_by_the_model_itself():
    from cohesio.format.document import Goal

    with pytest.raises(ValueError, match="NUL"):
        Goal(key="g", title="a\x00b")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_numbers_json_does_not_have_are_refused(number):
    text = json.dumps(plan()).replace('"value": 3', f'"value": {number}')

    found = problems(text)

    assert len(found) == 1 and found[0].startswith("$")


def test_a_number_with_thousands_of_digits_is_refused_with_a_message():
    text = json.dumps(plan()).replace('"value": 3', '"value": 1' + "0" * 5000)

    assert problems(text)[0].startswith("$: not valid JSON")


def test_a_format_version_that_is_not_text_is_refused():
    assert problems(plan(format_version={"a": 1})) == [
        "$.format_version: version '{'a': 1}' is not supported (this Cohesio reads 1.0, 1.1 and 1.2)"
    ]


def test_text_larger_than_the_size_limit_is_refused_before_parsing():
    assert problems(json.dumps(plan()), max_bytes=100)[0].startswith("$: the file is ")


def test_a_list_with_more_rows_than_the_limit_is_refused_quickly():
    data = plan(goals=[{"key": f"g{i}", "title": f"Goal {i}"} for i in range(140_000)])
    text = json.dumps(data)

    started = time.perf_counter()
    found = problems(text, max_bytes=len(text))
    elapsed = time.perf_counter() - started

    assert found == [f"$.goals: List should have at most {MAX_ROWS} items after validation, not 140000"]
    assert elapsed < 10


def test_a_list_at_the_limit_loads():
    doc = load(plan(goals=[{"key": f"g{i}", "title": f"Goal {i}"} for i in range(MAX_ROWS)]))

    assert len(doc.goals) == MAX_ROWS


def test_accepted_terms_are_limited_in_length_and_number():
    long_term = plan(plan={"title": "T", "accepted_terms": ["x" * 101]})
    many = plan(plan={"title": "T", "accepted_terms": [f"t{i}" for i in range(MAX_ACCEPTED_TERMS + 1)]})

    assert problems(long_term) == ["$.plan.accepted_terms[0]: String should have at most 100 characters"]
    assert problems(many)[0].startswith("$.plan.accepted_terms: List should have at most 200 items")


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": ["5", "52"]},  # strings
        {"type": "Point", "coordinates": [5]},  # one number
        {"type": "Polygon", "coordinates": [[5, 52]]},  # not nested as rings
        {"type": "Polygon", "coordinates": [[[5, 52], [6, 52], [6, 53], [5, 52]]], "name": "<b>x</b>"},  # extra
        {"type": "Point", "coordinates": [5, 52], "bbox": ["x"]},
        {"type": "LineString", "coordinates": [[5, 52], [6, 53]]},
    ],
)
def test_geometry_that_is_not_a_geojson_area_of_numbers_is_refused(geometry):
    assert geometry_problem(geometry)
    data = plan()
    data["analysis"]["areas"][0]["geometry"] = geometry

    assert problems(data)[0].startswith("$.analysis.areas[0]: Value error, ")


def test_geojson_areas_pass():
    square = [[[5, 52], [6, 52], [6, 53], [5, 52]]]
    for geometry in (
        {"type": "Point", "coordinates": [5, 52]},
        {"type": "Polygon", "coordinates": square},
        {"type": "MultiPolygon", "coordinates": [square, square], "bbox": [5, 52, 6, 53]},
    ):
        assert geometry_problem(geometry) is None


def test_the_command_line_reader_refuses_a_big_file_without_reading_it(tmp_path, capsys):
    path = tmp_path / "big.json"
    path.write_text(json.dumps(plan(goals=[{"key": f"g{i}", "title": "x" * 100} for i in range(1000)])))

    assert read_plan_file(str(path), prog="cohesio check", max_bytes=50_000) is None
    err = capsys.readouterr().err
    assert "is not a valid plan" in err
    assert "plan files may be at most 48.8 KB" in err


def test_the_command_line_reader_refuses_too_much_on_standard_input(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(plan()).encode())))

    assert read_plan_file("-", prog="cohesio check", max_bytes=50) is None
    assert "the file is larger: plan files may be at most 50 bytes" in capsys.readouterr().err


def test_the_command_line_reader_reports_deep_nesting_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)

    assert read_plan_file(str(path), prog="cohesio check") is None
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"$: nested more than {MAX_DEPTH} levels deep" in err
