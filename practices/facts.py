"""Tool-specific facts of a case: per-tool schemas, validation and labels.

Placeholder: every tool accepts an empty document until the schemas are written.
"""
from django.core.exceptions import ValidationError


def validate_facts(tool_slug, facts):
    if not isinstance(facts, dict):
        raise ValidationError("facts must be an object")
    return facts


def enrich(practice):
    """The case's facts with the computed values added (placeholder until the schemas land)."""
    return dict(practice.facts or {})
