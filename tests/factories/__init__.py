"""Small explicit helpers that build objects for tests, one module per room.

One sequence numbers everything they make, so names, slugs and usernames never collide
across modules.
"""

from __future__ import annotations

import itertools

_sequence = itertools.count(100)


def next_number() -> int:
    """A number no other factory has used in this test process."""
    return next(_sequence)
