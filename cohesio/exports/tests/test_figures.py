"""The sociogram's layout: each group of connected partners laid out on its own, apart from the others, those
without ties below, and the same in every process (exports of a version must come out the same)."""

import math
import os
import subprocess
import sys

import networkx as nx
import numpy as np

from cohesio.exports.figures import _layout, sociogram
from cohesio.format import dump
from cohesio.plans.tests.documents import small_document

# three groups of 10, 6 and 4 partners in a row, and three without ties, added in between
NETWORK = """
import networkx as nx
graph = nx.Graph()
for size, name in ((4, "c"), (10, "a"), (6, "b")):
    graph.add_node(f"alone-{name}")
    nx.add_path(graph, [f"{name}{i}" for i in range(size)])
    graph.add_edge(f"{name}0", f"{name}{size - 1}")
"""


def _network() -> nx.Graph:
    scope: dict = {}
    exec(NETWORK, scope)  # noqa: S102 - the fixed snippet above, also run in other processes below
    return scope["graph"]


def _box(positions: dict, nodes) -> tuple[float, float, float, float]:
    xs, ys = [positions[n][0] for n in nodes], [positions[n][1] for n in nodes]
    return min(xs), min(ys), max(xs), max(ys)


def test_one_group_is_laid_out_as_one_spring_layout():
    graph = nx.Graph()
    nx.add_cycle(graph, [f"p{i}" for i in range(12)])
    graph.add_edges_from([("p0", "p6"), ("p3", "p9")])
    ours = np.array([_layout(graph)[n] for n in graph])
    spring = nx.spring_layout(graph, seed=7, k=1.6 / math.sqrt(12))
    theirs = np.array([spring[n] for n in graph])
    # the same drawing, moved and scaled alike in both directions
    scale = np.linalg.norm(ours[1] - ours[0]) / np.linalg.norm(theirs[1] - theirs[0])
    assert np.allclose(ours - ours[0], (theirs - theirs[0]) * scale)


def test_groups_are_laid_out_apart_and_those_without_ties_below_them():
    positions = _layout(_network())
    groups = [[f"{name}{i}" for i in range(size)] for name, size in (("a", 10), ("b", 6), ("c", 4))]
    boxes = [_box(positions, nodes) for nodes in groups]
    for i, (x0, y0, x1, y1) in enumerate(boxes):
        for u0, v0, u1, v1 in boxes[i + 1 :]:
            assert x1 < u0 or u1 < x0 or y1 < v0 or v1 < y0
    lowest = min(y0 for _x0, y0, _x1, _y1 in boxes)
    assert all(positions[f"alone-{name}"][1] < lowest for name in "abc")


def test_the_layout_is_the_same_in_every_process():
    """A group's nodes as a set come in another order in another process (string hashes differ): the spring layout
    would start from other places."""
    script = NETWORK + "from cohesio.exports.figures import _layout\nprint(sorted(_layout(graph).items()))"
    runs = {
        subprocess.run(  # noqa: S603 - our own interpreter and a fixed snippet
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    assert runs == {str(sorted(_layout(_network()).items())) + "\n"}


def test_the_sociogram_draws_every_partner_and_tie():
    figure = sociogram(dump(small_document()), public=False)
    assert figure.png.startswith(b"\x89PNG")
    assert "3 partners and 2 ties" in figure.alt
