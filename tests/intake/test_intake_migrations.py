import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# serialized_rollback: puts back the migrated content (levels, groups) for later tests.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _intake_queue_migration(executor: MigrationExecutor) -> tuple[str, str]:
    names = [key for key in executor.loader.graph.nodes if key[1].endswith("_intake_queue")]
    assert len(names) == 1
    return names[0]


def test_existing_responses_get_their_queue_rank_when_migrating():
    executor = MigrationExecutor(connection)
    target = _intake_queue_migration(executor)
    before = [
        dep for dep in executor.loader.graph.node_map[target].parents if dep[0] == "programs"
    ]
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([before[0].key])
        apps = executor.loader.project_state([before[0].key]).apps
        Response = apps.get_model("programs", "Response")
        ContactRequest = apps.get_model("programs", "ContactRequest")
        Level = apps.get_model("programs", "TreatmentLevel")
        level = Level.objects.get(slug="iop")
        common = {
            "questionnaire_version": "2026-11",
            "for_whom": "self",
            "answers": {},
            "withdrawal_care": "none",
            "area_scores": {},
        }
        crisis = Response.objects.create(reference_code="AAAAAAAA", crisis=True, **common)
        shared = Response.objects.create(
            reference_code="BBBBBBBB", suggested_level=level, **common
        )
        plain = Response.objects.create(reference_code="CCCCCCCC", suggested_level=level, **common)
        ContactRequest.objects.create(response=shared, consent=True, name="A", phone="1")

        executor = MigrationExecutor(connection)
        executor.migrate([target])
        apps = executor.loader.project_state([target]).apps
        ranks = dict(
            apps.get_model("programs", "Response").objects.values_list("pk", "queue_rank")
        )
        assert ranks == {crisis.pk: 2, shared.pk: 1, plain.pk: 0}
        status = apps.get_model("programs", "ContactRequest").objects.get().status
        assert status == "new"
    finally:
        MigrationExecutor(connection).migrate(leaves)


def test_the_old_rate_limit_cache_table_is_dropped():
    executor = MigrationExecutor(connection)
    target = ("programs", "0010_drop_old_rate_limit_cache_table")
    before = ("programs", "0009_rate_limit_counters")
    leaves = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([before])
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TABLE iopguide_ratelimit (cache_key varchar(255) PRIMARY KEY, "
                "value text NOT NULL, expires timestamp NOT NULL)"
            )
        assert "iopguide_ratelimit" in connection.introspection.table_names()
        executor = MigrationExecutor(connection)
        executor.migrate([target])
        assert "iopguide_ratelimit" not in connection.introspection.table_names()
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(leaves)
