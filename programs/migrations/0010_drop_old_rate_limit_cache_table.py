"""The rate limiter used to keep its counters in a database cache table (created by
`createcachetable`); they now live in RateLimitCounter. Drop the old table, which held
hashed client keys and counts, so nothing is kept that the site no longer uses."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0009_rate_limit_counters"),
    ]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS iopguide_ratelimit", migrations.RunSQL.noop),
    ]
