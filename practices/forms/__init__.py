"""The forms of a case, shared by the member's step-by-step form (practices.members), the
moderation queue and the admin: each step reads and writes the canonical `Submission.data`
(values as typed; see practices.models.submissions), and the tool's facts are generated from
the per-tool schemas (practices.domain.fact_schemas) with their validation
(practices.domain.facts.validate_facts), so every place gives the same errors."""
