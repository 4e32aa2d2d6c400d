"""Who may see and who may change the images and documents of a case."""
from practices.domain.roles import is_moderator
from practices.models import Practice, Status, Submission

# Moderators may also touch a submission that waits for their review (they edit it in the
# same form); its author only while it is a draft or sent back for changes.
MODERATOR_STATES = (*Submission.OPEN_STATES, Submission.State.SUBMITTED)


def is_public(item):
    """Policy: a file is public once the case it belongs to is published, and only then."""
    return item.practice_id is not None and item.practice.status == Status.PUBLISHED


def may_see(user, item):
    """Policy: a file of a published case is for everyone; any other file only for the
    author of its submission and moderators, or for whoever may see its case
    (Practice.objects.visible_to: the case's author and moderators). Everyone else is told it
    does not exist."""
    if is_public(item):
        return True
    if not user.is_authenticated:
        return False
    if is_moderator(user):
        return True
    if item.submission_id is not None and item.submission.author_id == user.pk:
        return True
    return (
        item.practice_id is not None
        and Practice.objects.visible_to(user).filter(pk=item.practice_id).exists()
    )


def may_see_submission(user, submission):
    return user.is_authenticated and (submission.author_id == user.pk or is_moderator(user))


def may_change(user, submission):
    """Policy: files are added to or removed from a submission by its author while it is a
    draft or sent back for changes, and by moderators also while it waits for review."""
    if is_moderator(user):
        return submission.state in MODERATOR_STATES
    return submission.author_id == user.pk and submission.state in Submission.OPEN_STATES
