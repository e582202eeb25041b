"""Progress of a monitoring indicator from its baseline to its target, read with its direction."""

import pytest

from cohesio.format.progress import progress


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "direction", "expected"),
    [
        (0, 500, 120, None, 24),  # without a direction the target says which way is better
        (45, 28, 37, None, 47.05882352941177),  # days to a mentor: lower is better, read from the target alone
        (45, 28, 37, "down", 47.05882352941177),  # the same, said
        (40, 400, 40, "up", 0),  # still at the start
        (40, 400, 440, "up", 111.11111111111111),  # beyond the target
        (40, 400, 20, "up", -5.555555555555555),  # further away than at the start
        (10, 10, 12, None, None),  # hold the level, no direction: cannot be told
        (10, 10, 12, "up", 100),  # hold or better, higher is better: reached
        (10, 10, 12, "down", 0),  # hold or better, lower is better: missed
        (10, 10, 10, "down", 100),  # held
        (10, 20, 15, "down", None),  # a target on the worse side of the baseline contradicts the direction
        (None, 20, 15, "up", None),  # no baseline
        (10, None, 15, "up", None),  # no target
        (10, 20, None, "up", None),  # nothing measured yet
    ],
)
def test_progress_from_baseline_to_target(baseline, target, latest, direction, expected):
    found = progress(baseline, target, latest, direction)

    assert found is None if expected is None else found == pytest.approx(expected)
