"""The moderation queue (an entry point beside pages/ and api/): submitted cases oldest
first, each readable with a field-level diff against the published version, the decisions
(publish, ask for changes, reject), the verification, and a case's history with its restore.
Moderators and administrators only; every change goes through practices.moderation."""
