"""The systems the API benchmark times, each checked complete before its time counts: the
floor (bench/floors.py), the API over HTTP and the plain drf-gis view. A system that answers
anything but the complete, identical feature set raises Incomplete, which stops the run."""
import gzip
import itertools
import json

from bench import floors

ROUNDS = 5


class Incomplete(Exception):
    """A system returned something other than the complete, identical answer."""


def ids_of(body, label):
    try:
        return [feature["id"] for feature in json.loads(body)["features"]]
    except (ValueError, KeyError, TypeError) as error:
        raise Incomplete(f"{label}: not a FeatureCollection ({error})") from None


def same_bytes(body, reference, label):
    if body == reference:
        return
    at = next((i for i, (a, b) in enumerate(zip(body, reference, strict=False)) if a != b),
              min(len(body), len(reference)))
    raise Incomplete(
        f"{label}: {len(body):,} bytes differ from the floor's {len(reference):,} at byte {at:,}:"
        f" {body[max(0, at - 60):at + 60]!r} against {reference[max(0, at - 60):at + 60]!r}"
    )


def floor_system(sql, params, planner, reference):
    def measure_once():
        elapsed, body = floors.run_statement(sql, params, planner)
        same_bytes(body, reference, "the floor (not deterministic?)")
        return {"time": elapsed, "bytes": len(body)}
    return measure_once


def api_system(server, path, reference, compressed=False):
    label = f"{path} from {server.checkout.label}" + (" (gzip)" if compressed else "")

    def measure_once():
        server.reset_peaks()
        result = server.get(path, compressed, keep_body=True)
        if result["status"] != 200:
            raise Incomplete(f"{label}: HTTP {result['status']}")
        body = result.pop("body")
        same_bytes(gzip.decompress(body) if compressed else body, reference, label)
        result["memory"] = server.peak_mb()
        return result
    return measure_once


def plain_system(server, path, ids):
    def measure_once():
        result = server.get(path, keep_body=True)
        if result["status"] != 200:
            raise Incomplete(f"drf-gis {path}: HTTP {result['status']}")
        got = ids_of(result.pop("body"), f"drf-gis {path}")
        if got != ids:
            raise Incomplete(f"drf-gis {path}: {len(got):,} features, expected {len(ids):,} "
                             "(or other ids)")
        return result
    return measure_once


def interleave(systems, rounds=None, once=()):
    """Each system once as a warm-up (not counted), then `rounds` rounds in rotating order.
    Systems in `once` (the drf-gis view's whole set: over a minute a request) are measured
    once, cold, after the rounds."""
    rounds = ROUNDS if rounds is None else rounds
    for key, measure_once in systems.items():
        if key not in once:
            measure_once()
    order = [key for key in systems if key not in once]
    results = {key: [] for key in systems}
    for number in range(rounds):
        shift = number % len(order)
        for key in order[shift:] + order[:shift]:
            results[key].append(systems[key]())
    for key in once:
        results[key].append(systems[key]())
    return results


def note_of(body):
    return json.loads(body).get("note", "")


def with_own_note(reference, body, label):
    """The floor's bytes with the sample note as this checkout writes it. The note is the one
    translated string, and the API writes it through json.dumps (Polish letters escaped,
    \\u0142) where the floor writes UTF-8; the two must decode to the same text. Everything
    else is compared byte for byte."""
    marker, member = b'],"note":', b'"note":'
    if marker not in reference:
        return reference
    head, _sep, tail = reference.rpartition(marker)
    own_tail = body.rpartition(marker)[2]
    same = marker in body and json.loads(b"{" + member + own_tail) == json.loads(
        b"{" + member + tail)
    if not same:
        raise Incomplete(f"{label}: its sample note differs from the floor's")
    return head + marker + own_tail


def expected_ids(params):
    """The ids a selection must return, from the ORM: a third, independent statement of it."""
    return list(selected(params).order_by("pk").values_list("pk", flat=True))


def selected(params):
    """The published cases of a selection (tool, year, year_from, year_to, voivodeship, bbox)
    as an ORM queryset."""
    from django.contrib.gis.geos import Polygon

    from practices.models import Practice

    queryset = Practice.objects.filter(status="published")
    if params.get("tool"):
        queryset = queryset.filter(tool__slug__in=params["tool"].split(","))
    if params.get("year"):
        queryset = queryset.filter(year=int(params["year"]))
    if params.get("year_from"):
        queryset = queryset.filter(year__gte=int(params["year_from"]))
    if params.get("year_to"):
        queryset = queryset.filter(year__lte=int(params["year_to"]))
    if params.get("voivodeship"):
        queryset = queryset.filter(
            municipality__voivodeship_id__in=params["voivodeship"].split(","))
    if params.get("bbox"):
        box = Polygon.from_bbox([float(part) for part in params["bbox"].split(",")])
        queryset = queryset.filter(location__intersects=box)
    return queryset


def check_complete(name, kind, params, reference):
    """Raise Incomplete unless the floor's answer holds exactly what the ORM selects; returns
    a description of its size."""
    from django.db.models import Count

    from geodata.models import Municipality

    if kind == "municipalities":
        gminy = Municipality.objects.order_by("teryt")
        if params.get("voivodeship"):
            gminy = gminy.filter(voivodeship_id__in=params["voivodeship"].split(","))
        teryts = list(gminy.values_list("teryt", flat=True))
        if ids_of(reference, f"the floor of {name}") != teryts:
            raise Incomplete(f"the floor of {name} does not list the {len(teryts):,} gminy")
        return f"{len(teryts):,} gminy"
    answer = json.loads(reference)
    if kind == "points":
        ids = expected_ids(params)
        if list(itertools.accumulate(answer["id"])) != ids:
            raise Incomplete(f"the floor of {name} does not hold the {len(ids):,} cases")
        return f"{len(ids):,} cases"
    names = {"municipality": "municipality_id", "tool": "tool__slug"}
    expected = {
        tuple(row[:-1]): row[-1] for row in selected(params).order_by()
        .values_list(*(names[dimension] for dimension in kind)).annotate(n=Count("id"))
    }
    got = {tuple(row[dimension] for dimension in kind): row["count"] for row in answer["rows"]}
    if got != expected or answer["total"] != sum(expected.values()):
        raise Incomplete(f"the floor of {name} does not hold the {len(expected):,} counts")
    return f"{len(expected):,} rows, {answer['total']:,} cases"
