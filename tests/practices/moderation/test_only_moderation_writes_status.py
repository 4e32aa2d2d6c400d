"""Nothing but practices/moderation writes a case's status or a submission's state: every
`.py` of the application is parsed, and any assignment to `.status`/`.state`, a `status=` or
`state=` keyword given to a constructor, `create`, `update`, `get_or_create`,
`update_or_create`, or a `bulk_update` naming those fields, fails the test (a dict's
`update` excepted)."""
import ast
from pathlib import Path

from django.conf import settings

PACKAGES = ("practices", "geodata", "mapa")
FIELDS = {"status", "state"}
ALLOWED = Path("practices") / "moderation"
WRITING_CALLS = {"Practice", "Submission", "create", "update", "get_or_create",
                 "update_or_create", "filter_update"}


def _call_name(node):
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _dict_names(tree):
    """Names the module binds to a dict literal: their `.update(status=...)` writes a dict
    (e.g. the health check's report), not a row."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and (
                isinstance(node.value, ast.Dict)
                or (isinstance(node.value, ast.Call) and _call_name(node.value) == "dict")):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def writes(tree):
    """(line, what) of every write of a status or state in the module's syntax tree."""
    found = []
    dicts = _dict_names(tree)
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            for element in ast.walk(target):
                if isinstance(element, ast.Attribute) and element.attr in FIELDS:
                    found.append((node.lineno, f".{element.attr} ="))
        if isinstance(node, ast.Call):
            name = _call_name(node)
            if name == "setattr" and len(node.args) >= 2 and isinstance(
                    node.args[1], ast.Constant) and node.args[1].value in FIELDS:
                found.append((node.lineno, f"setattr(..., {node.args[1].value!r})"))
            receiver = getattr(node.func, "value", None)
            if name == "update" and isinstance(receiver, ast.Name) and receiver.id in dicts:
                continue
            if name in WRITING_CALLS or name.endswith("defaults"):
                for keyword in node.keywords:
                    if keyword.arg in FIELDS:
                        found.append((node.lineno, f"{name}({keyword.arg}=...)"))
            if name in ("bulk_update", "bulk_update_with_history"):
                for element in ast.walk(node):
                    if isinstance(element, ast.Constant) and element.value in FIELDS:
                        found.append((node.lineno, f"{name}(..., {element.value!r})"))
    return found


def application_modules():
    root = Path(settings.BASE_DIR)
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root)
            if relative.parts[:2] == ALLOWED.parts or "migrations" in relative.parts:
                continue
            yield relative, path.read_text(encoding="utf-8")


def test_no_module_but_moderation_writes_a_status_or_a_state():
    offenders = [
        f"{relative}:{line}: {what}"
        for relative, source in application_modules()
        for line, what in writes(ast.parse(source))
    ]

    assert offenders == [], "Change statuses through practices.moderation:\n" + "\n".join(
        offenders)


def test_the_check_sees_each_kind_of_write():
    source = """
practice.status = "published"
submission.state, x = "approved", 1
Practice(title="t", status="published")
Practice.objects.create(status="draft")
Practice.objects.filter(pk=1).update(status="archived")
Submission.objects.update_or_create(pk=1, defaults={"x": 1}, state="draft")
setattr(practice, "status", "published")
Practice.objects.bulk_update(cases, ["title", "status"])
"""
    assert [line for line, _what in writes(ast.parse(source))] == [2, 3, 4, 5, 6, 7, 8, 9]


def test_reading_a_status_is_not_a_write():
    source = """
if practice.status == "published":
    shown = Practice.objects.filter(status="published")
label = practice.get_status_display()
report = {"status": "ok"}
report.update(status="unavailable")
"""
    assert writes(ast.parse(source)) == []
