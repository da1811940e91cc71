"""A paginator for big tables: a capped count."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

COUNT_CAP = 10_000


class CappedCountPaginator(Paginator):
    """Counts at most COUNT_CAP + 1 rows, so a page load never counts the whole table.

    ``SELECT COUNT(*) FROM (… LIMIT 10001)`` stops early on a big table and is exact on a
    small one or a narrow filter. Past the cap the list says "more than 10,000" and offers
    the first 10,000 rows' pages; nobody pages that deep, they filter or search.
    """

    object_list: QuerySet  # only ever pages querysets
    count_is_capped = False

    @cached_property
    def count(self) -> int:
        # Unordered: which 10,001 rows are counted does not matter, so no sort or index walk.
        counted = self.object_list.order_by()[: COUNT_CAP + 1].count()
        self.count_is_capped = counted > COUNT_CAP
        return min(counted, COUNT_CAP)
