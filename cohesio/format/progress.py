"""How far a monitoring indicator has come from its baseline towards its target, read with its direction."""

from .vocabulary import IndicatorDirection

# A value on the better side of a target that only asks to hold the baseline has reached it.
REACHED = 100.0


def progress(
    baseline: float | None, target: float | None, latest: float | None, direction: str | None = None
) -> float | None:
    """The share of the way from `baseline` to `target` that `latest` has come, in per cent (100: reached, more:
    beyond it, below 0: further away than at the start); None when it cannot be told.

    Without a direction, the target says which way is better. With one (`up` or `down`), a target on the worse
    side of the baseline contradicts it and nothing is told, and a target equal to the baseline (hold the level)
    is reached by any value at it or on the better side, and missed (0) otherwise."""
    if baseline is None or target is None or latest is None:
        return None
    if direction is not None:
        better = 1 if IndicatorDirection(direction) == IndicatorDirection.UP else -1
        if (target - baseline) * better < 0:
            return None
        if target == baseline:
            return REACHED if (latest - baseline) * better >= 0 else 0.0
    if target == baseline:
        return None
    return (latest - baseline) / (target - baseline) * 100
