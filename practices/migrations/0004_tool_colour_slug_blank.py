import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("practices", "0003_search"),
    ]

    operations = [
        migrations.AlterField(
            model_name="participationtool",
            name="color",
            field=models.CharField(
                help_text="#rrggbb", max_length=7, verbose_name="map colour",
                validators=[django.core.validators.RegexValidator(
                    "^#[0-9a-fA-F]{6}$", "Enter a colour as #rrggbb."
                )],
            ),
        ),
        migrations.AlterField(
            model_name="practice",
            name="slug",
            field=models.SlugField(
                blank=True, max_length=220, unique=True, verbose_name="slug",
                help_text="Part of the case's address. Made from the title, gmina and year "
                "when empty; never changes afterwards.",
            ),
        ),
        migrations.AlterField(
            model_name="practice",
            name="summary",
            field=models.CharField(
                blank=True, help_text="Plain text, at most 500 characters.", max_length=500,
                verbose_name="summary",
            ),
        ),
    ]
