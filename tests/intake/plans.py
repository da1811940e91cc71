"""PostgreSQL's plan for a query as it is at scale, with a test's dozen rows.

With a few rows and no statistics the planner's choice among a table's indexes is a coin
toss (CI once took the single-column index on assignee, and once the one on the suggested
level, where the queue's covering indexes were meant), and autovacuum may analyse a table
at any moment of a long run. So a plan test leaves the planner only the index under test:
the table's other indexes that back no constraint are dropped inside the test's
transaction (they are back when it rolls back), and sequential scans, bitmap scans and
sorting are off.
"""

from __future__ import annotations

from typing import Any

from django.db import connection


def droppable_indexes(table: str) -> list[str]:
    """The table's indexes that back no constraint (primary key, unique, foreign key)."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT index_class.relname
            FROM pg_index
            JOIN pg_class index_class ON index_class.oid = pg_index.indexrelid
            WHERE pg_index.indrelid = %s::regclass
              AND NOT EXISTS (
                  SELECT 1 FROM pg_constraint WHERE pg_constraint.conindid = pg_index.indexrelid
              )
            ORDER BY 1
            """,
            [table],
        )
        return [name for (name,) in cursor.fetchall()]


def plan_of(queryset: Any, keeping: str) -> str:
    """The plan of the queryset with its table's other unconstrained indexes gone."""
    table = queryset.model._meta.db_table
    names = droppable_indexes(table)
    assert keeping in names, f"{keeping} is not an index of {table}: {names}"
    with connection.cursor() as cursor:
        for name in names:
            if name != keeping:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort"):
            cursor.execute(f"SET LOCAL {setting} = off")
    return queryset.explain()
