"""The audit chain's HMAC keys from the environment (pure Python: the settings module reads it before Django).

`COHESIO_AUDIT_KEYS="k2:secret2,k1:secret1"` names every key still needed, the current one first; older keys
stay so that events sealed with them still verify after a rotation. `COHESIO_AUDIT_KEY` (with
`COHESIO_AUDIT_KEY_ID`, default `k1`) is the short form for a single key.
"""

KEY_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def audit_keys(keys: str = "", key: str = "", key_id: str = "k1") -> dict[str, str]:
    """The keys by id, the current key first; empty when none is configured. ValueError when malformed."""
    if keys.strip():
        pairs = [_pair(item) for item in keys.split(",") if item.strip()]
    elif key:
        pairs = [(key_id.strip(), key)]
    else:
        return {}
    found: dict[str, str] = {}
    for name, secret in pairs:
        if not name or not set(name) <= KEY_ID_CHARS or len(name) > 32:
            raise ValueError(f"Audit key id {name!r}: use up to 32 letters, digits, '.', '_' or '-'.")
        if not secret:
            raise ValueError(f"Audit key {name!r} is empty.")
        if name in found:
            raise ValueError(f"Audit key id {name!r} is named twice.")
        found[name] = secret
    return found


def _pair(item: str) -> tuple[str, str]:
    """'id:secret' -> (id, secret); the secret may itself contain ':'."""
    name, colon, secret = item.strip().partition(":")
    if not colon:
        raise ValueError("COHESIO_AUDIT_KEYS holds id:secret pairs separated by commas, the current key first.")
    return name.strip(), secret.strip()
