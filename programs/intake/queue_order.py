"""The orders the intake workspace lists responses in, and "the rows after this one".

Each order is a list of keys, the last one the primary key, so no two rows tie. "Save and
next" finds the row after the one just saved with a keyset condition built from the same
keys (``after``), so the next row is the one the list shows next, whatever the order, the
filters and NULL due times.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Q

from programs.questionnaire.models import QUEUE_ORDER, QueueRank, Response

QUEUE = "queue"
DEFAULT_SORT = QUEUE
IS_CRISIS = Q(queue_rank=QueueRank.CRISIS)


@dataclass(frozen=True)
class Key:
    """One key of an order: a field, its direction, and (the due time) NULLs last."""

    field: str
    descending: bool = False
    nulls_last: bool = False

    def value(self, row: Response) -> Any:
        return getattr(row, self.field)

    def equal(self, value: Any) -> Q:
        return Q(**{f"{self.field}__isnull": True}) if value is None else Q(**{self.field: value})

    def later(self, value: Any) -> Q | None:
        """Rows this key puts after ``value``; None when there are none."""
        if value is None:
            # Only NULLs last are supported: nothing sorts after a NULL.
            return None
        later = Q(**{f"{self.field}__{'lt' if self.descending else 'gt'}": value})
        if self.nulls_last:
            later |= Q(**{f"{self.field}__isnull": True})
        return later


class UnhandledCrisisKey(Key):
    """Crisis responses nobody has handled (QueueRank.CRISIS) before all the others."""

    def __init__(self) -> None:
        super().__init__("queue_rank", descending=True)

    def value(self, row: Response) -> bool:
        return row.queue_rank == QueueRank.CRISIS

    def equal(self, value: Any) -> Q:
        return IS_CRISIS if value else ~IS_CRISIS

    def later(self, value: Any) -> Q | None:
        return ~IS_CRISIS if value else None


@dataclass(frozen=True)
class Sort:
    label: str
    order_by: tuple[Any, ...]  # for QuerySet.order_by(), the same order as ``keys``
    keys: tuple[Key, ...]


ID_DESC = Key("id", descending=True)
SORTS: dict[str, Sort] = {
    QUEUE: Sort(
        "Queue order: crisis, then due soonest, then newest",
        QUEUE_ORDER,
        (
            UnhandledCrisisKey(),
            Key("due_at", nulls_last=True),
            Key("created_at", descending=True),
            ID_DESC,
        ),
    ),
    "due": Sort(
        "Due soonest",
        (models.F("due_at").asc(nulls_last=True), "-created_at", "-id"),
        (Key("due_at", nulls_last=True), Key("created_at", descending=True), ID_DESC),
    ),
    "newest": Sort(
        "Newest first", ("-created_at", "-id"), (Key("created_at", descending=True), ID_DESC)
    ),
    "oldest": Sort("Oldest first", ("created_at", "id"), (Key("created_at"), Key("id"))),
}
SORT_CHOICES = [(name, sort.label) for name, sort in SORTS.items()]


def after(sort: Sort, row: Response) -> Q:
    """The rows ``sort`` lists after ``row`` (which needs the fields the keys read)."""
    values = [key.value(row) for key in sort.keys]
    found = Q(pk__in=[])
    for index, key in enumerate(sort.keys):
        later = key.later(values[index])
        if later is None:
            continue
        same_before = Q()
        for earlier, value in zip(sort.keys[:index], values[:index], strict=True):
            same_before &= earlier.equal(value)
        found |= same_before & later
    return found
