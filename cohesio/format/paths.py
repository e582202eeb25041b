"""JSON paths into a plan document that name rows by key: `$.network.partners[partner-ben].doubts`.

The checker reports positions (`$.network.partners[3].doubts`); a position moves when rows are added, deleted
or reordered, a key does not. `keyed_path` turns a checker path into the keyed form for storing (accepted
findings, versions); `positional_path` turns a keyed path back into positions in a given document.
"""

import re

_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([^\]]+)\]")


def _steps(path: str) -> list[tuple[str, str]]:
    return _STEP.findall(path.removeprefix("$"))


def keyed_path(doc, path: str) -> str:
    """`path` with every list position replaced by the key of the row there (positions of rows without a key,
    and anything that does not resolve in `doc`, are kept as they are)."""
    out, node = ["$"], doc
    for name, index in _steps(path):
        if name:
            out.append(f".{name}")
            node = getattr(node, name, None) if node is not None else None
            continue
        row = _at(node, index)
        key = getattr(row, "key", None)
        out.append(f"[{key}]" if isinstance(key, str) and index.isdigit() else f"[{index}]")
        node = row
    return "".join(out)


def positional_path(doc, path: str) -> str | None:
    """A keyed path as positions in `doc`; None when a key names no row of `doc` (the row was deleted)."""
    out, node = ["$"], doc
    for name, index in _steps(path):
        if name:
            out.append(f".{name}")
            node = getattr(node, name, None) if node is not None else None
            continue
        if index.isdigit():
            out.append(f"[{index}]")
            node = _at(node, index)
            continue
        rows = node if isinstance(node, list) else []
        position = next((i for i, row in enumerate(rows) if getattr(row, "key", None) == index), None)
        if position is None:
            return None
        out.append(f"[{position}]")
        node = rows[position]
    return "".join(out)


def _at(node, index: str):
    if isinstance(node, list) and index.isdigit() and int(index) < len(node):
        return node[int(index)]
    return None
