"""The status of cases written by the bulk imports and the demo samples, and their versions.

`record_import(practices, *, source, status)` takes one case or a list. Unsaved cases are
created with `status` in bulk, and each gets its first version (django-simple-history) and a
ModerationEvent "imported" naming `source`. Saved cases are saved (with whatever else the
caller changed) and given `status`; an event is written when their status changes. There is
no signed-in actor: `source` names the command or file. Returns the case, or the list of
cases, saved.

Why the versions and events of bulk-created cases are copied in SQL (`record_versions`)
rather than through simple-history's `bulk_create_with_history`: that builds every version
as an ORM object and sends its thirty columns as parameters, which doubled the 10,000-row
spreadsheet import (bench imports); one INSERT ... SELECT per table copies the rows just
written inside PostgreSQL. The versions are the same rows simple-history would write
(history_type "+" for created, "~" for changed, the reason in history_change_reason)."""
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practices.domain.choices import Status
from practices.models import ModerationEvent, Practice
from practices.moderation.events import Action, mark_version, record

BATCH = 1000
_HISTORY_FIELDS = ("history_id", "history_date", "history_change_reason", "history_type",
                   "history_user")


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
        created = Practice.objects.bulk_create(new, batch_size=BATCH)
        ids = [practice.pk for practice in created]
        record_versions(ids, reason=reason, created=True, at=now)
        _record_events(ids, source=source, status=status, at=now)
    for practice in existing:
        from_status = practice.status
        practice.status = status
        mark_version(practice, None, reason)
        practice.save()
        if from_status != status:
            record(Action.IMPORTED, practice=practice, source=source,
                   from_status=from_status, to_status=status)
    return practices[0] if single else practices


def record_versions(ids, *, reason, created=False, at=None):
    """Write a version of each case in `ids` as it is now in the database (after a bulk
    write, which sends no signal to django-simple-history)."""
    if not ids:
        return
    history = Practice.history.model
    columns = [field.column for field in history._meta.concrete_fields
               if field.name not in _HISTORY_FIELDS]
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    # Identifiers from the models, quoted; every value a parameter.
    sql = (f"INSERT INTO {history._meta.db_table} ({names}, history_date, "  # nosec B608
           f"history_change_reason, history_type, history_user_id) "
           f"SELECT {names}, %s, %s, %s, NULL FROM {Practice._meta.db_table} "
           f"WHERE id = ANY(%s)")
    with connection.cursor() as cursor:
        for start in range(0, len(ids), 10 * BATCH):
            cursor.execute(sql, [at or timezone.now(), reason[:100], "+" if created else "~",
                                 list(ids[start:start + 10 * BATCH])])


def _record_events(ids, *, source, status, at):
    table = ModerationEvent._meta.db_table
    sql = (f"INSERT INTO {table} (practice_id, submission_id, actor_id, source, "  # nosec B608
           f"action, from_status, to_status, reason, at) "
           f"SELECT id, NULL, NULL, %s, %s, '', %s, '', %s FROM {Practice._meta.db_table} "
           f"WHERE id = ANY(%s) ORDER BY id")
    with connection.cursor() as cursor:
        cursor.execute(sql, [source[:100], Action.IMPORTED, status, at, list(ids)])
