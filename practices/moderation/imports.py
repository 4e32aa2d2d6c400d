"""The status of cases written by the bulk imports and the demo samples.

`record_import(practices, *, source, status)` takes one case or a list. Unsaved cases are
created with `status` in bulk (`bulk_create_with_history`: one version each, reason
"imported from <source>") and one ModerationEvent each, also in bulk, so 10,000 rows stay one
round of bulk inserts; saved cases whose status differs are saved one by one with their event.
Saved cases are saved (with whatever else the caller changed) and given `status`; an event is
written when their status changes. `source` names the command or file (there is no signed-in
actor). Returns the case, or the list of cases, saved."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from practices.domain.choices import Status
from practices.models import ModerationEvent, Practice
from practices.moderation.events import Action, mark_version, record

BATCH = 1000


@transaction.atomic
def record_import(practices, *, source, status):
    if status not in Status.values:
        raise ValueError(_("Unknown status %(status)s.") % {"status": status})
    single = isinstance(practices, Practice)
    practices = [practices] if single else list(practices)
    reason = f"{Action.IMPORTED}: {source}"[:100]
    new = [practice for practice in practices if practice.pk is None]
    existing = [practice for practice in practices if practice.pk is not None]
    if new:
        now = timezone.now()
        for practice in new:
            practice.status = status
            if status == Status.PUBLISHED and practice.published_at is None:
                practice.published_at = now
        if len(new) == 1:
            mark_version(new[0], None, reason)
            new[0].save()
            created = new
        else:
            created = bulk_create_with_history(new, Practice, batch_size=BATCH,
                                               default_change_reason=reason, default_date=now)
        ModerationEvent.objects.bulk_create([
            ModerationEvent(practice=practice, action=Action.IMPORTED, source=source[:100],
                            to_status=status)
            for practice in created
        ], batch_size=BATCH)
    for practice in existing:
        from_status = practice.status
        practice.status = status
        mark_version(practice, None, reason)
        practice.save()
        if from_status != status:
            record(Action.IMPORTED, practice=practice, source=source,
                   from_status=from_status, to_status=status)
    return practices[0] if single else practices
