"""The JSON endpoints of the upload widget (templates/media/upload_widget.html): list, add and
remove the images and PDF documents of one submission.

Answers: 200/201 with the item(s); 400 `{"errors": {"image": [...]}}` (or "file", "alt",
"title", "submission") for anything refused; 403 when not signed in; 404 for a submission the
user may not see; 503 when the server could not write the file. A request larger than
settings.MAPA_UPLOAD_MAX_REQUEST_BYTES is refused from its Content-Length, before its body is
read. These URLs are language-neutral (they sit beside /media/cases/); the widget sends the
language of its page (`language`), in which the messages come back.
"""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from practices import uploads
from practices.media.access import may_change, may_see_submission
from practices.models import CaseAttachment, CaseImage, Submission

KINDS = {"image": (CaseImage, "images"), "attachment": (CaseAttachment, "attachments")}
# The form field of each kind's file (the key its errors come under).
FILE_FIELDS = {"image": "image", "attachment": "file"}


def errors(status, messages):
    return JsonResponse({"errors": messages}, status=status)


def in_language(view):
    """Runs the view in the language its caller names (`language`, one of settings.LANGUAGES),
    since a language-neutral URL carries none."""

    def wrapped(request, *args, **kwargs):
        wanted = request.GET.get("language", "")
        codes = {code for code, _name in settings.LANGUAGES}
        with translation.override(wanted if wanted in codes else settings.LANGUAGE_CODE):
            return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def removable(item, submission):
    """Whether removing the item from the submission deletes it (the submission added it and
    no case shows it yet), rather than only dropping it from an edit's list."""
    return item.submission_id == submission.pk and item.practice_id is None


def image_json(image, submission):
    return {
        "id": image.pk, "kind": "image", "url": image.image.url,
        "own": removable(image, submission),
        "thumbnail": image.thumbnail.url if image.thumbnail else image.image.url,
        "alt": image.alt, "width": image.width, "height": image.height,
    }


def attachment_json(attachment, submission):
    return {
        "id": attachment.pk, "kind": "attachment", "url": attachment.file.url,
        "own": removable(attachment, submission),
        "title": attachment.title, "size": attachment.size,
        "size_display": filesizeformat(attachment.size),
    }


def submission_for(request, pk):
    """(submission, None) or (None, an error answer)."""
    if not request.user.is_authenticated:
        return None, errors(403, {"__all__": [_("Sign in to add or remove files.")]})
    submission = Submission.objects.filter(pk=pk).select_related("practice").first()
    if submission is None or not may_see_submission(request.user, submission):
        return None, errors(404, {"__all__": [_("There is no such submission.")]})
    return submission, None


def changeable(request, submission):
    if not may_change(request.user, submission):
        return errors(400, {"submission": [
            _("This submission can no longer be changed: it has been sent for review or "
              "decided.")
        ]})
    return None


@transaction.atomic
def list_in_data(submission, key, *, add=None, drop=None):
    """Adds or removes an item's id in the submission's data (its "images" or
    "attachments"), which the service publishes: the form's steps never write those keys.
    The row is locked so that an autosave running at the same time keeps the list."""
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    ids = [value for value in locked.data.get(key) or [] if value != drop]
    if add is not None and add not in ids:
        ids.append(add)
    locked.data = {**locked.data, key: ids}
    locked.save(update_fields=["data", "updated_at"])
    submission.data = locked.data


def listed_items(submission, kind):
    """The items the submission's data lists (its own, or its case's for an edit), then its
    own items the data does not list yet (uploaded just before an autosave failed)."""
    model, key = KINDS[kind]
    wanted = [value for value in submission.data.get(key) or [] if str(value).isdigit()]
    wanted = [int(value) for value in wanted]
    mine = Q(submission=submission)
    if submission.practice_id:
        mine |= Q(practice_id=submission.practice_id)
    rows = {item.pk: item for item in model.objects.filter(mine)}
    own = [item for item in rows.values() if item.submission_id == submission.pk]
    ordered = [rows[pk] for pk in wanted if pk in rows]
    return ordered + [item for item in own if item.pk not in wanted]


@csrf_exempt
@never_cache
@in_language
def upload(request, pk):
    """GET: the submission's images and documents. POST (multipart, CSRF): one new image
    (`image`, `alt`) or document (`file`, `title`)."""
    if request.method == "POST":
        field = FILE_FIELDS["attachment" if request.GET.get("kind") == "attachment" else "image"]
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAPA_UPLOAD_MAX_REQUEST_BYTES:
            # Refused before the body is read (a 413 from Django would be an HTML 500 page).
            return errors(400, {field: [
                _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(length), "limit": filesizeformat(
                    settings.MAPA_UPLOAD_MAX_REQUEST_BYTES - 256 * 1024)}
            ]})
    return _upload(request, pk)


@csrf_protect
@require_http_methods(["GET", "POST"])
def _upload(request, pk):
    submission, refusal = submission_for(request, pk)
    if refusal:
        return refusal
    if request.method == "GET":
        return JsonResponse({
            "images": [
                image_json(item, submission) for item in listed_items(submission, "image")
            ],
            "attachments": [
                attachment_json(item, submission)
                for item in listed_items(submission, "attachment")
            ],
        })
    refusal = changeable(request, submission)
    if refusal:
        return refusal
    image, document = request.FILES.get("image"), request.FILES.get("file")
    kind = "image" if image or (not document and request.GET.get("kind") != "attachment") \
        else "attachment"
    if not (image or document):
        return errors(400, {FILE_FIELDS[kind]: [_("Choose a file to upload.")]})
    model, key = KINDS[kind]
    if model.objects.filter(submission=submission).count() >= settings.MAPA_MEDIA_MAX_PER_KIND:
        return errors(400, {FILE_FIELDS[kind]: [
            ngettext("A case may have at most %(n)d file of this kind. Remove one first.",
                     "A case may have at most %(n)d files of this kind. Remove one first.",
                     settings.MAPA_MEDIA_MAX_PER_KIND)
            % {"n": settings.MAPA_MEDIA_MAX_PER_KIND}
        ]})
    try:
        if kind == "image":
            item = uploads.store_image(submission, image, alt=request.POST.get("alt", ""))
        else:
            item = uploads.store_attachment(
                submission, document, title=request.POST.get("title", "")
            )
    except uploads.MediaNotStored as error:
        return errors(503, error.message_dict)
    except ValidationError as error:
        return errors(400, error.message_dict)
    list_in_data(submission, key, add=item.pk)
    answer = (image_json if kind == "image" else attachment_json)(item, submission)
    return JsonResponse(answer, status=201)


@never_cache
@in_language
@require_POST
def delete(request, pk, kind, item):
    """POST (CSRF): remove one image or document the submission added. Items of the
    published case an edit starts from are not removed here: the widget only drops them from
    the edit's list, and the published case keeps them until the edit is approved."""
    if kind not in KINDS:
        return errors(404, {"__all__": [_("There is no such file.")]})
    submission, refusal = submission_for(request, pk)
    if refusal:
        return refusal
    refusal = changeable(request, submission)
    if refusal:
        return refusal
    model, key = KINDS[kind]
    found = get_object_or_404(model, pk=item, submission=submission, practice__isnull=True)
    uploads.delete_item(found)
    list_in_data(submission, key, drop=item)
    return JsonResponse({"deleted": item, "kind": kind})
