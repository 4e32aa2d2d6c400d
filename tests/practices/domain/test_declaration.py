"""A declaration of public fields that could not be served is refused when it is written,
with a message naming the field and saying how to fix it."""
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.models import F
from django.utils import translation

from practices.domain.declaration import (
    Computed,
    Declaration,
    Expression,
    Field,
    Object,
    Path,
    Type,
)
from practices.fields import CaseFields
from practices.models import Practice


def declare(meta=True, **fields):
    """Create a declaration over Practice with `fields` plus a valid id and geometry."""
    attrs = {
        "id": Field(Type.INTEGER, Path("id"), summary=True, example=1, meaning="Id."),
        "geometry": Field(Type.POINT, Expression(F("location"), lambda p: p.location),
                          summary=True, example=(23.0, 53.0), meaning="Point."),
        **fields,
    }
    if meta:
        attrs["Meta"] = type("Meta", (), {"model": Practice, "id_field": "id",
                                          "geo_field": "geometry"})
    return type("Broken", (Declaration,), attrs)


def text(read=None, **kwargs):
    return Field(Type.TEXT, read, **{"example": "x", "meaning": "Some text.", **kwargs})


def test_a_valid_declaration_is_accepted():
    declared = declare(title=text(Path("title"), summary=True))
    assert [field.name for field in declared.properties("summary")] == ["title"]


def test_adding_a_field_to_the_case_declaration_without_a_reader_is_refused():
    with pytest.raises(ImproperlyConfigured, match=r"Extended\.rating has no way to be read: "
                       r"give it read=Path\('model__field'\)"):
        type("Extended", (CaseFields,), {"rating": text(summary=True)})


BROKEN = [
    ({"title": text()}, r"Broken\.title has no way to be read"),
    ({"title": text(Computed(lambda p: p.title), summary=True)},
     r"Broken\.title is in the summary features, which PostgreSQL writes, but Computed is "
     r"read by Python only: read it with Path"),
    ({"title": text(Path("titel"))},
     r"Broken\.title: Practice has no field 'titel' \(in Path\('titel'\)\)\. Name a model "
     r"field"),
    ({"name": text(Path("municipality__nmae"))},
     r"Broken\.name: Municipality has no field 'nmae'"),
    ({"links": Field(Type.LINKS, Computed(list), summary=True, example=[], meaning="L.")},
     r"Broken\.links is in the summary features, which PostgreSQL writes, but PostgreSQL "
     r"cannot write a links value there: set summary=False"),
    ({"title": Field(Type.TEXT, Path("title"), meaning="T.")},
     r"Broken\.title has no example: give it example="),
    ({"title": Field(Type.TEXT, Path("title"), example="x")},
     r"Broken\.title has no meaning: give it meaning=_\('…'\)"),
    ({"title": text(Path("title"), summary=False, detail=False)},
     r"Broken\.title is in neither the summary nor the detail"),
    ({"title": text(Path("title"), example=None)},
     r"Broken\.title: the example is None but the field is not nullable"),
    ({"kind": text(Path("organiser_type"), values=("urzad", "rada"), example="gmina")},
     r"Broken\.kind: the example 'gmina' is not one of the allowed values"),
    ({"geom": Field(Type.TEXT, Expression(F("title")), example="x", meaning="T.")},
     r"Broken\.geom is in the detail, which Python writes, but its Expression has no Python "
     r"twin"),
    ({"title": text(read="title")}, r"Broken\.title: read='title' is not a reader"),
    ({"tool": text(Path("tool__slug"), detail=Object("ToolRef", slug=text()))},
     r"Broken\.tool\.slug has no way to be read"),
]


@pytest.mark.parametrize(("fields", "message"), BROKEN, ids=[m[:40] for _f, m in BROKEN])
def test_a_broken_field_is_refused_with_how_to_fix_it(fields, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        declare(**fields)


def test_a_declaration_without_meta_is_refused():
    with pytest.raises(ImproperlyConfigured, match=r"Broken needs a Meta with `model`"):
        declare(meta=False)


def test_the_feature_members_must_be_declared_fields():
    meta = type("Meta", (), {"model": Practice, "id_field": "id", "geo_field": "location"})
    with pytest.raises(ImproperlyConfigured,
                       match=r"Broken\.Meta\.geo_field = 'location' is not a declared field"):
        type("Broken", (Declaration,), {
            "id": Field(Type.INTEGER, Path("id"), summary=True, example=1, meaning="Id."),
            "Meta": meta,
        })


def declared_fields():
    for field in CaseFields.fields.values():
        yield field
        yield from (field.nested.fields.values() if field.nested else ())


def test_every_meaning_of_a_case_field_is_translated_to_polish():
    untranslated = []
    for field in declared_fields():
        with translation.override("en"):
            english = str(field.meaning)
        with translation.override("pl"):
            if str(field.meaning) == english:
                untranslated.append(english)
    assert not untranslated, "add these to locale/pl/LC_MESSAGES/django.po: " + repr(untranslated)
