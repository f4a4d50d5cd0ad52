"""Resumption tokens: the list request's arguments and the position reached,
signed so that a harvester cannot forge or alter them.

The position is a key, not an offset: exposed pages in id order, then
tombstones in id order. A page published or withdrawn during a harvest is
therefore neither skipped nor repeated because the list shifted.
"""

from django.core import signing

SALT = "harvest.resumption-token"


def dump(verb: str, arguments: dict, after: tuple[str, int], cursor: int, size: int) -> str:
    state = {"verb": verb, "args": arguments, "after": list(after), "cursor": cursor, "size": size}
    return signing.dumps(state, salt=SALT, compress=True)


def load(token: str, verb: str) -> dict | None:
    """The state saved in ``token`` for ``verb``, or None if it is not ours."""
    try:
        state = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(state, dict) or state.get("verb") != verb:
        return None
    return state
