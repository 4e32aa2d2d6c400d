"""How public fields are declared: a small vocabulary of types, the ways a value is read, and
a `Declaration` base class that collects `Field`s in order and refuses a declaration that
could not be served, saying how to fix it.

The declaration of a case's fields is `practices.fields.CaseFields`; everything that writes a
case out (the GeoJSON SQL, the serializers, the OpenAPI examples, docs/api.md, later the
exports and the data page) reads it from there. This module knows no HTTP and no SQL text:
readers hand out Django expressions for `QuerySet.values()` and Python functions for an
instance.

Rules a declaration must follow (checked when the class is created):
- every field has a reader; a field in the summary features is read by PostgreSQL (a `Path`
  to a model field, a `PagePath`, or an `Expression`), a field in the detail by Python (any
  reader but an `Expression` without its Python twin);
- every field has an example and a meaning; allowed values include the example;
- the summary holds only types PostgreSQL writes as JSON (no links, facts or objects).
"""
import functools
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import F
from django.urls import reverse
from django.utils import translation


class Type(StrEnum):
    """The kind of a value, as the docs, the schema and (later) the export columns name it."""

    INTEGER = "integer"
    TEXT = "text"  # plain text, may be empty
    SLUG = "slug"  # [-a-z0-9_], a stable key
    CODE = "code"  # one of the field's allowed values
    TERYT = "teryt"  # a gmina's 7-digit TERYT code
    MARKDOWN = "markdown"  # text as written, Markdown
    HTML = "html"  # rendered, allow-listed HTML
    DATE = "date"  # ISO 8601 date
    DATETIME = "datetime"  # ISO 8601 with the offset
    BOOLEAN = "boolean"
    URL = "url"  # an absolute URL
    PATH = "path"  # the path of one of our pages, default language
    POINT = "point"  # WGS 84 longitude, latitude
    LINKS = "links"  # [{url, label}]
    FACTS = "facts"  # the tool's facts, see practices.domain.fact_schemas


# Types whose values PostgreSQL writes as JSON text in the summary features (practices.geojson).
SQL_TYPES = frozenset({Type.INTEGER, Type.TEXT, Type.SLUG, Type.CODE, Type.TERYT, Type.DATE,
                       Type.BOOLEAN, Type.URL, Type.PATH, Type.POINT})


@functools.cache
def _page_url_parts(name, kwarg, language):
    with translation.override(language):
        path = reverse(name, kwargs={kwarg: "__KEY__"})
    prefix, _sep, suffix = path.partition("__KEY__")
    return prefix, suffix


def page_url_parts(name, kwarg):
    """The path of a page around its key, e.g. ('/praktyki/', '/'), in the default language:
    the API is language-neutral, its links point at the default-language pages."""
    return _page_url_parts(name, kwarg, settings.LANGUAGE_CODE)


# --- Readers: how a value is obtained ------------------------------------------------------

class Reader:
    """`column()`: a Django expression for `QuerySet.values()`, or None if only Python can
    read it; `python(instance)`: the value from a model instance, or None if only SQL can."""

    def column(self):
        return None

    def python(self, instance):
        raise NotImplementedError

    @property
    def in_python(self):
        return True

    def check(self, model, where):
        """Raise ImproperlyConfigured if this reader cannot read from `model`."""


@dataclass(frozen=True)
class Path(Reader):
    """A model field, following relations with `__` (an ORM path): read by SQL and Python."""

    path: str

    def column(self):
        return F(self.path)

    def python(self, instance):
        value = instance
        for part in self.path.split("__"):
            value = getattr(value, part)
            if value is None:
                return None
        return value

    def check(self, model, where):
        current = model
        for part in self.path.split("__"):
            if current is None:
                break
            try:
                field = current._meta.get_field(part)
            except FieldDoesNotExist:
                raise ImproperlyConfigured(
                    f"{where}: {current.__name__} has no field {part!r} (in Path({self.path!r}))."
                    " Name a model field, with __ to follow a relation; for a property or a "
                    "method use Computed(function)."
                ) from None
            current = field.related_model


@dataclass(frozen=True)
class PagePath(Reader):
    """The path of one of our pages, made of a key (an ORM path) and the URL's name:
    PostgreSQL joins prefix, key and suffix; Python reverses the URL."""

    url_name: str
    kwarg: str
    key: str

    def column(self):
        return F(self.key)

    def parts(self):
        return page_url_parts(self.url_name, self.kwarg)

    def python(self, instance):
        prefix, suffix = self.parts()
        return f"{prefix}{Path(self.key).python(instance)}{suffix}"

    def check(self, model, where):
        Path(self.key).check(model, where)


@dataclass(frozen=True)
class Expression(Reader):
    """A Django expression (SQL), with `function` computing the same value in Python for the
    detail (without it the field can only be in the summary)."""

    expression: object
    function: object = None

    def column(self):
        return self.expression

    @property
    def in_python(self):
        return self.function is not None

    def python(self, instance):
        return self.function(instance)


@dataclass(frozen=True)
class Computed(Reader):
    """A value only Python computes (rendered Markdown, the facts): detail only."""

    function: object

    def python(self, instance):
        return self.function(instance)


# --- Fields --------------------------------------------------------------------------------

class Object:
    """How the detail shows a field: an object of other fields (each read from the same
    instance), named `name` in the OpenAPI components."""

    def __init__(self, name, /, **fields):
        self.name, self.fields = name, fields

    def example(self):
        return {key: sub.example for key, sub in self.fields.items()}


class Field:
    """One public field. `summary`: in the list's features (written by PostgreSQL);
    `detail`: True, False, or an `Object` the detail shows instead of the flat value;
    `values`: the allowed values (a tuple) where there is a fixed set."""

    _unset = object()

    def __init__(self, type, read=None, *, summary=False, detail=True, nullable=False,
                 values=None, example=_unset, meaning=None):
        if type not in Type.__members__.values():
            raise ImproperlyConfigured(
                f"Unknown field type {type!r}: use one of Type ({', '.join(Type)})."
            )
        self.type, self.read, self.summary, self.detail = Type(type), read, summary, detail
        self.nullable, self.values, self.example = nullable, values, example
        self.meaning = meaning
        self.name = None

    def __repr__(self):
        return f"<Field {self.name}: {self.type}>"

    @property
    def nested(self):
        """The Object the detail shows, or None."""
        return self.detail if isinstance(self.detail, Object) else None

    def detail_example(self):
        return self.nested.example() if self.nested else self.example

    def check(self, model, where):
        if self.read is None and not (self.nested and not self.summary):
            raise ImproperlyConfigured(
                f"{where} has no way to be read: give it read=Path('model__field') (a column), "
                "PagePath(...), Expression(sql_expression, python_function) or "
                "Computed(function) (Python only, detail only)."
            )
        if not isinstance(self.read, (Reader, type(None))):
            raise ImproperlyConfigured(
                f"{where}: read={self.read!r} is not a reader: use Path('model__field'), "
                "PagePath(...), Expression(...) or Computed(function)."
            )
        if self.read is not None:
            self.read.check(model, where)
        if self.example is Field._unset:
            raise ImproperlyConfigured(
                f"{where} has no example: give it example=… (the OpenAPI examples and the docs "
                "show it; None only if the field is nullable)."
            )
        if not self.meaning:
            raise ImproperlyConfigured(
                f"{where} has no meaning: give it meaning=_('…') in English (translated to "
                "Polish in locale/pl); the data page and the schema show it."
            )
        if not self.summary and not self.detail:
            raise ImproperlyConfigured(
                f"{where} is in neither the summary nor the detail: set summary=True or "
                "detail=True, or remove it."
            )
        if self.example is None and not self.nullable:
            raise ImproperlyConfigured(
                f"{where}: the example is None but the field is not nullable: give a real "
                "example or set nullable=True."
            )
        if self.values is not None and self.example not in self.values:
            raise ImproperlyConfigured(
                f"{where}: the example {self.example!r} is not one of the allowed values "
                f"{tuple(self.values)!r}."
            )
        if self.summary:
            self._check_summary(where)
        if self.detail is True and self.read is not None and not self.read.in_python:
            raise ImproperlyConfigured(
                f"{where} is in the detail, which Python writes, but its Expression has no "
                "Python twin: give Expression(expression, function) or set detail=False."
            )
        for key, sub in (self.nested.fields.items() if self.nested else ()):
            if not isinstance(sub, Field) or sub.nested or sub.summary:
                raise ImproperlyConfigured(
                    f"{where}: Object {self.nested.name!r} member {key!r} must be a plain "
                    "Field(type, read, …) without summary=True or a nested Object."
                )
            sub.name = key
            sub.check(model, f"{where}.{key}")

    def _check_summary(self, where):
        if self.type not in SQL_TYPES:
            raise ImproperlyConfigured(
                f"{where} is in the summary features, which PostgreSQL writes, but PostgreSQL "
                f"cannot write a {self.type} value there: set summary=False (detail only)."
            )
        if self.read.column() is None:
            raise ImproperlyConfigured(
                f"{where} is in the summary features, which PostgreSQL writes, but "
                f"{type(self.read).__name__} is read by Python only: read it with "
                "Path('model__field'), PagePath(...) or Expression(...), or set summary=False."
            )


class DeclarationMeta(type):
    def __new__(mcs, name, bases, attrs):
        cls = super().__new__(mcs, name, bases, attrs)
        if not bases:
            return cls
        meta = getattr(cls, "Meta", None)  # inherited by a subclass
        model = getattr(meta, "model", None)
        if model is None:
            raise ImproperlyConfigured(
                f"{name} needs a Meta with `model`, the model its fields are read from."
            )
        fields = {}
        for base in bases:  # a subclass extends its base's fields
            fields.update(getattr(base, "fields", {}))
        for key, value in attrs.items():
            if isinstance(value, Field):
                value.name = key
                value.check(model, f"{name}.{key}")
                fields[key] = value
        for option in ("id_field", "geo_field"):
            key = getattr(meta, option, None)
            if key not in fields:
                raise ImproperlyConfigured(
                    f"{name}.Meta.{option} = {key!r} is not a declared field: name the field "
                    "that is the Feature's " + ("id." if option == "id_field" else
                                                "geometry (Type.POINT).")
                )
        if fields[meta.geo_field].type != Type.POINT:
            raise ImproperlyConfigured(f"{name}.Meta.geo_field must name a Type.POINT field.")
        cls.fields = fields
        cls.id = fields[meta.id_field]
        cls.geometry = fields[meta.geo_field]
        cls.model = model
        return cls


class Declaration(metaclass=DeclarationMeta):
    """Subclass with Field attributes, in the order they are written out, and a Meta naming
    `model`, `id_field` and `geo_field` (the Feature's `id` and `geometry` members; every
    other field is a property)."""

    fields: dict

    @classmethod
    def properties(cls, view):
        """The property fields of 'summary' or 'detail', in order."""
        if view not in ("summary", "detail"):
            raise ValueError(f"view is 'summary' or 'detail', not {view!r}")
        members = (cls.id, cls.geometry)
        return [field for field in cls.fields.values()
                if field not in members and getattr(field, view)]

    @classmethod
    def example_feature(cls, view):
        """A GeoJSON Feature of the declared examples, as the list ('summary') or the detail
        writes it."""
        return {
            "type": "Feature",
            "id": cls.id.example,
            "geometry": {"type": "Point", "coordinates": list(cls.geometry.example)},
            "properties": {
                field.name: field.example if view == "summary" else field.detail_example()
                for field in cls.properties(view)
            },
        }
