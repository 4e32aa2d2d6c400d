"""The one view that serves uploaded files (`/media/cases/...`, name `media:file`), to whoever
may see them (practices.media.access); MEDIA_ROOT is served by nothing else.

Every answer is inert: `X-Content-Type-Options: nosniff` and `Content-Security-Policy: sandbox;
default-src 'none'`, so even a file a browser were tempted to render as a page can run nothing
and load nothing. Images come with the content type of the format practices.uploads wrote.
Documents always come as downloads (`Content-Disposition: attachment`, an ASCII name and an
RFC 5987 UTF-8 name), as application/pdf: a PDF's JavaScript never runs on this site.
Files of a published case may be cached by anyone for 30 days; any other file only by the
browser that asked, not stored (`private, no-store`), and a refusal is a plain 404 that says
nothing about whether the file exists.
"""
import re
import unicodedata
from urllib.parse import quote

from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, HttpResponseNotFound
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from practices.media.access import is_public, may_see
from practices.models import CaseAttachment, CaseImage
from practices.uploads import content_type_of

SANDBOX = "sandbox; default-src 'none'"
# The only names practices.uploads writes (cases/<submission>/<random>[-thumb].<ext>): any
# other path is answered 404 before the database is asked (a NUL byte would make it fail).
STORED_NAME = re.compile(r"[0-9]{1,12}/[A-Za-z0-9_-]{1,80}\.(jpg|png|webp|pdf)")
PUBLIC_MAX_AGE = 30 * 24 * 3600


def not_found():
    response = HttpResponseNotFound("Not found", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, private=True, no_store=True)
    response["Content-Security-Policy"] = SANDBOX
    return response


def find(name):
    """The image (or its thumbnail) or attachment stored under `name`, or None."""
    related = ("practice", "submission")
    image = (CaseImage.objects.filter(Q(image=name) | Q(thumbnail=name))
             .select_related(*related).first())
    if image is not None:
        return image
    return CaseAttachment.objects.filter(file=name).select_related(*related).first()


def download_name(attachment):
    """`attachment; filename="ascii.pdf"; filename*=UTF-8''...` from the title: quotes,
    slashes and control characters removed, the ASCII one without diacritics."""
    title = re.sub(r'[\x00-\x1f\x7f"\\/]+', " ", attachment.title or "")
    title = re.sub(r"\s+", " ", title).strip()[:150]
    title = title or "dokument"
    ascii_name = unicodedata.normalize("NFKD", title.replace("ł", "l").replace("Ł", "L"))
    ascii_name = re.sub(r"[^A-Za-z0-9._ -]+", "", ascii_name.encode("ascii", "ignore").decode())
    ascii_name = re.sub(r"\s+", "-", ascii_name).strip(".-") or "dokument"
    return (f'attachment; filename="{ascii_name}.pdf"; '
            f"filename*=UTF-8''{quote(title + '.pdf', safe='')}")


@require_safe
def serve(request, name):
    if not STORED_NAME.fullmatch(name):
        return not_found()
    name = f"cases/{name}"
    item = find(name)
    # Public files are decided without touching the session, so their answers carry no
    # `Vary: Cookie` and shared caches may keep them.
    public = item is not None and is_public(item)
    if item is None or not (public or may_see(request.user, item)):
        return not_found()
    try:
        handle = default_storage.open(name, "rb")
    except OSError:
        return not_found()
    if isinstance(item, CaseAttachment):
        response = FileResponse(handle, content_type="application/pdf")
        response["Content-Disposition"] = download_name(item)
    else:
        response = FileResponse(handle, content_type=content_type_of(name))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
