"""PublishedCount: the published cases of each gmina and tool, counted by a trigger on the
cases (after every insert, update and delete of a row, whichever way it is written), and
filled here from the cases that exist."""
import django.db.models.deletion
from django.db import migrations, models

COUNTING = """
CREATE FUNCTION practices_published_count() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.is_sample = NEW.is_sample
       AND OLD.municipality_id = NEW.municipality_id AND OLD.tool_id = NEW.tool_id THEN
        RETURN NULL;  -- nothing counted changed
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'published' THEN
        UPDATE practices_publishedcount
           SET cases = cases - 1, samples = samples - OLD.is_sample::int
         WHERE municipality_id = OLD.municipality_id AND tool_id = OLD.tool_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'published' THEN
        INSERT INTO practices_publishedcount AS c (municipality_id, tool_id, cases, samples)
        VALUES (NEW.municipality_id, NEW.tool_id, 1, NEW.is_sample::int)
        ON CONFLICT (municipality_id, tool_id) DO UPDATE
           SET cases = c.cases + 1, samples = c.samples + EXCLUDED.samples;
    END IF;
    RETURN NULL;
END
$body$;

CREATE TRIGGER practices_published_count
    AFTER INSERT OR UPDATE OR DELETE ON practices_practice
    FOR EACH ROW EXECUTE FUNCTION practices_published_count();

INSERT INTO practices_publishedcount (municipality_id, tool_id, cases, samples)
SELECT municipality_id, tool_id, count(*), count(*) FILTER (WHERE is_sample)
  FROM practices_practice WHERE status = 'published'
 GROUP BY municipality_id, tool_id;
"""

UNCOUNTING = """
DROP TRIGGER IF EXISTS practices_published_count ON practices_practice;
DROP FUNCTION IF EXISTS practices_published_count();
"""


class Migration(migrations.Migration):

    dependencies = [
        ('geodata', '0002_eligible_voters'),
        ('practices', '0013_stored_feature'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublishedCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('cases', models.PositiveIntegerField(default=0, verbose_name='published cases')),
                ('samples', models.PositiveIntegerField(default=0, verbose_name='of them samples')),
                ('municipality', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='geodata.municipality', verbose_name='gmina')),
                ('tool', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='practices.participationtool', verbose_name='participation tool')),
            ],
            options={
                'verbose_name': 'count of published cases',
                'verbose_name_plural': 'counts of published cases',
                'constraints': [models.UniqueConstraint(fields=('municipality', 'tool'), name='published_count_gmina_tool')],
            },
        ),
        migrations.RunSQL(COUNTING, reverse_sql=UNCOUNTING),
    ]
