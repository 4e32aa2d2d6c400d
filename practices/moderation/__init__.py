"""The only place a case's status (`Practice.status`) or a submission's state
(`Submission.state`) changes: typed, atomic service functions that the review queue, the
member pages, the admin, the imports and the samples call. Each writes the audit trail (a
ModerationEvent: who, when, what, from/to status, why), names the actor and the reason in the
case's version history (django-simple-history), and e-mails the author about each decision
after the commit. tests/practices/moderation/test_only_moderation_writes_status.py proves no
other module writes either field.

    from practices import moderation
    moderation.submit(submission, actor=user)

- submissions.py: submit, publish, request_changes, reject, withdraw
- cases.py: publish_case, send_back_case, archive, verify, unverify, restore
- imports.py: record_import (imports and samples)
- data.py: clean_case_data (the submission data as model values; the one validation)
- notify.py: the e-mails; events.py: the permission rule, events and versions
"""
from practices.moderation.cases import (
    archive,
    publish_case,
    restore,
    send_back_case,
    unverify,
    verify,
)
from practices.moderation.data import CaseValues, clean_case_data
from practices.moderation.events import is_moderator
from practices.moderation.imports import record_import
from practices.moderation.submissions import (
    publish,
    reject,
    request_changes,
    submit,
    withdraw,
)

__all__ = [
    "CaseValues", "archive", "clean_case_data", "is_moderator", "publish", "publish_case",
    "record_import", "reject", "request_changes", "restore", "send_back_case", "submit",
    "unverify", "verify", "withdraw",
]
