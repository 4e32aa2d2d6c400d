"""A TRUNCATE of the cases empties the kept counts too: a TRUNCATE fires no row trigger, so
the counts of migration 0014 would otherwise still count cases that are gone."""
from django.db import migrations

EMPTYING = """
CREATE FUNCTION practices_published_count_truncated() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    DELETE FROM practices_publishedcount;
    RETURN NULL;
END
$body$;

CREATE TRIGGER practices_published_count_truncated
    AFTER TRUNCATE ON practices_practice
    FOR EACH STATEMENT EXECUTE FUNCTION practices_published_count_truncated();
"""

NOT_EMPTYING = """
DROP TRIGGER IF EXISTS practices_published_count_truncated ON practices_practice;
DROP FUNCTION IF EXISTS practices_published_count_truncated();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0015_points_from_the_index"),
    ]

    operations = [
        migrations.RunSQL(EMPTYING, reverse_sql=NOT_EMPTYING),
    ]
