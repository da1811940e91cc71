"""The distance search at national size: 50,000 programs at real ZIP code centres.

The same number of queries for 500 programs as for 50,000, the right programs in the right
order at 50,000 (checked against the haversine formula in Python), and on PostgreSQL the
(latitude, longitude) index doing the work.

Seeding is `seed_bench`'s own `seed_programs`: the first 500 programs with every kind of
feature, the other 49,500 with only the two kinds the search filters on (schedule and
payment), which writes a third of the feature rows and keeps this module to about 20
seconds on SQLite. The search reads only those two kinds, so the results are the same as
with all of them.
"""

from __future__ import annotations

import random
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programs.directory.geo import Point, haversine_miles, resolve_place
from programs.management.commands.seed_bench import seed_programs
from programs.models import FeatureKind, Program, ProgramFeature, ProgramFilters

pytestmark = pytest.mark.django_db

SMALL, LARGE = 500, 50_000
MILES = 25
SEARCH = f"/programs/?near=Brooklyn%2C+NY&within={MILES}&schedule=evening&payment=medicaid"
FILTERED = {FeatureKind.SCHEDULE: ("evening",), FeatureKind.PAYMENT: ("medicaid",)}


def seed_small() -> None:
    seed_programs(SMALL, random.Random(15))


def grow_to_large() -> None:
    """Up to 50,000, with only the features the search filters on (see the docstring)."""
    seed_programs(LARGE - Program.objects.count(), random.Random(16), kinds=tuple(FILTERED))
    assert Program.objects.count() == LARGE
    analyze()


def analyze() -> None:
    """On PostgreSQL, fresh statistics for the seeded tables.

    Besides giving the planner the real table sizes, ANALYZE invalidates the plans this
    connection cached while the tables were small, among them the foreign-key checks: the
    test's transaction checks its deferred constraints at the end, and with a plan made
    for a near-empty table each of the ~200,000 checks would scan every program (minutes).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Program._meta.db_table}")
            cursor.execute(f"ANALYZE {ProgramFeature._meta.db_table}")


def search(client) -> tuple[object, int]:
    """The response to the search, and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(SEARCH)
    assert response.status_code == HTTPStatus.OK
    return response, len(queries)


def expected(point: Point) -> list[tuple[float, int]]:
    """(miles, id) of every program within MILES that meets both filters, nearest first."""
    matching = None
    for kind, values in FILTERED.items():
        ids = set(
            ProgramFeature.objects.filter(kind=kind, value__in=values).values_list(
                "program_id", flat=True
            )
        )
        matching = ids if matching is None else matching & ids
    assert matching
    found = []
    for pk, latitude, longitude in Program.objects.filter(pk__in=matching).values_list(
        "pk", "latitude", "longitude"
    ):
        assert latitude is not None  # every seeded program has a point
        assert longitude is not None
        miles = haversine_miles(point, Point(float(latitude), float(longitude)))
        if miles <= MILES:
            found.append((miles, pk))
    return sorted(found)


def test_query_count_stays_flat_from_500_to_50000_programs_and_results_are_right(client):
    seed_small()
    small, small_queries = search(client)
    assert small.context["by_distance"]
    assert 0 < small.context["page"].paginator.count < 20  # one page, not empty

    grow_to_large()
    large, large_queries = search(client)
    # Levels; page 1 of the nearby programs with their total, and their features; the
    # online programs for New York (Brooklyn's state), with theirs.
    assert small.context["online_programs"]
    assert large.context["online_programs"]
    assert small_queries == large_queries == 5

    # The right programs: every one within 25 miles that meets both filters, no other.
    point = large.context["place"].point
    want = expected(point)
    page = large.context["page"]
    assert page.paginator.count == len(want) > 100  # many pages at national size
    listed = page.paginator.object_list
    assert set(listed.values_list("pk", flat=True)) == {pk for _, pk in want}
    # Nearest first: page 1 holds the 20 nearest (ties in distance may swap, so compare
    # the distances, not the ids).
    shown = [program.distance_miles for program in page.object_list]
    assert shown == sorted(shown)
    assert shown == pytest.approx([miles for miles, _ in want[:20]], abs=1e-6)


def test_postgresql_uses_the_coordinates_index_for_a_distance_search():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's query planner (make test-pg / make check)")
    seed_small()
    grow_to_large()  # ends with ANALYZE: fresh statistics, as seed_bench leaves them
    point = resolve_place("Brooklyn, NY").point
    filters = ProgramFilters(features=FILTERED, near=point, within_miles=MILES)
    plan = Program.objects.matching(filters).explain()
    assert "program_coords_idx" in plan, plan
