"""Images and PDF documents of submissions: checked by their content, re-encoded, stored.

Policy:
- The content decides, never the file name or the type the browser declared. An image is
  whatever Pillow's JPEG, PNG or WebP decoder can read completely; a document is whatever pypdf
  can parse into at least one page. SVG, HTML, GIF, a truncated JPEG, a zip, a polyglot that
  only pretends to start like a PNG: all refused, whatever they are called.
- Limits (settings): MAPA_IMAGE_MAX_BYTES (10 MB), MAPA_IMAGE_MAX_PIXELS (40 megapixels, read
  from the header before any pixel is decoded; Pillow's decompression-bomb guard is set to the
  same figure), MAPA_ATTACHMENT_MAX_BYTES (20 MB), MAPA_THUMBNAIL_WIDTH (480 px).
- Images are fully decoded, turned upright by their EXIF orientation, converted to sRGB when
  they carry a colour profile, and written anew: JPEG stays JPEG (quality 85), PNG stays PNG
  (lossless: screenshots and diagrams), WebP stays WebP (quality 85). Nothing of the original
  file survives but its pixels: no EXIF (GPS, camera, dates), XMP, comments, ICC profile or
  trailing data. A thumbnail of MAPA_THUMBNAIL_WIDTH pixels' width is made the same way.
- PDFs are stored as they came (re-writing a PDF can break it); an encrypted one is refused.
  A PDF may hold JavaScript: it is only ever served as a download inside a CSP sandbox
  (practices.media.files), so nothing in it runs on this site.
- Files are written first, then the row in a transaction; if anything fails, the files written
  so far are removed, so a full disk or an unwritable media folder leaves neither a half-written
  file nor a row behind.

Every refusal is a ValidationError naming the field ("image" or "file"); a failure to write is
a MediaNotStored (also a ValidationError), which the upload view answers with 503.
"""
import io
import re
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError
from pypdf import PdfReader

from practices.models import CaseAttachment, CaseImage, Submission

# Pillow format name -> (stored format, file extension, save options).
IMAGE_FORMATS = {
    "JPEG": ("JPEG", "jpg", {"quality": 85, "optimize": True, "progressive": True}),
    "PNG": ("PNG", "png", {"optimize": True}),
    "WEBP": ("WEBP", "webp", {"quality": 85, "method": 4}),
}
CONTENT_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp",
                 "pdf": "application/pdf"}
ALT_MAX_LENGTH = CaseImage._meta.get_field("alt").max_length
TITLE_MAX_LENGTH = CaseAttachment._meta.get_field("title").max_length


class MediaNotStored(ValidationError):
    """The server could not write the file (disk full, media folder not writable): nothing was
    stored, and the member may try again later."""


def store_image(submission, uploaded_file, alt=""):
    """Check `uploaded_file` (a Django UploadedFile or any file object with .size), re-encode
    it and its thumbnail, and store them as a new CaseImage of `submission`."""
    alt = _plain_text(alt)
    if len(alt) > ALT_MAX_LENGTH:
        raise ValidationError({"alt": [_("The description may have at most %(n)d characters.")
                                       % {"n": ALT_MAX_LENGTH}]})
    _check_size(uploaded_file, settings.MAPA_IMAGE_MAX_BYTES, "image")
    picture, source_format = _decode_image(uploaded_file)
    stored_format, extension, options = IMAGE_FORMATS[source_format]
    stem = uuid.uuid4().hex
    try:
        picture = _clean_pixels(picture, stored_format)
        thumbnail = _thumbnail(picture)
        contents = {
            f"{stem}.{extension}": _encode(picture, stored_format, options),
            f"{stem}-thumb.{extension}": _encode(thumbnail, stored_format, options),
        }
    except (OSError, ValueError):
        # A mode or variant Pillow decodes but cannot convert or write: refused, not a 500.
        raise _not_an_image() from None
    names = _write_files(submission, contents, "image")
    image_name, thumbnail_name = names
    return _save_row(names, "image", lambda: CaseImage.objects.create(
        submission=submission, image=image_name, thumbnail=thumbnail_name, alt=alt,
        width=picture.width, height=picture.height, position=_next_position(submission.images),
    ))


def store_attachment(submission, uploaded_file, title=""):
    """Check that `uploaded_file` is a readable, unencrypted PDF with pages, and store it as a
    new CaseAttachment of `submission`."""
    title = _plain_text(title)
    if len(title) > TITLE_MAX_LENGTH:
        raise ValidationError({"title": [_("The title may have at most %(n)d characters.")
                                         % {"n": TITLE_MAX_LENGTH}]})
    _check_size(uploaded_file, settings.MAPA_ATTACHMENT_MAX_BYTES, "file")
    content = _read_all(uploaded_file)
    _check_pdf(content)
    names = _write_files(submission, {f"{uuid.uuid4().hex}.pdf": content}, "file")
    if not title:
        title = _plain_text(_title_from_name(getattr(uploaded_file, "name", "") or ""))
    return _save_row(names, "file", lambda: CaseAttachment.objects.create(
        submission=submission, file=names[0], title=title, size=len(content),
        position=_next_position(submission.attachments),
    ))


def delete_item(item):
    """Remove an image or attachment: its row, then its files (remove_files_of_deleted)."""
    item.delete()


def remove_files_of_deleted(sender, instance, **kwargs):
    """post_delete of CaseImage and CaseAttachment, however the row goes (removed from the
    form, or with its case or draft): its files, once the deletion is committed (a rolled
    back deletion keeps them). A file left behind by a failed removal is harmless: no row
    points to it, so nothing serves it."""
    names = [field.name for field in _file_fields(instance) if field]
    transaction.on_commit(lambda: _remove(names))


def remove_unpublished_items(sender, instance, **kwargs):
    """pre_delete of Submission: the images and documents only it holds (not yet on a
    case) go with it, rather than stay as rows and files nobody can reach."""
    for model in (CaseImage, CaseAttachment):
        # A queryset's delete() still sends post_delete for each row (their files go too).
        model.objects.filter(submission=instance, practice__isnull=True).delete()


def connect_signals():
    for model in (CaseImage, CaseAttachment):
        post_delete.connect(remove_files_of_deleted, sender=model,
                            dispatch_uid=f"practices.uploads.files.{model.__name__}")
    pre_delete.connect(remove_unpublished_items, sender=Submission,
                       dispatch_uid="practices.uploads.unpublished")


def content_type_of(name):
    """The content type of a file stored by this module, from the extension this module gave
    it (never from what was uploaded)."""
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1].lower(), "application/octet-stream")


# --- Checks -------------------------------------------------------------------------------

def _check_size(uploaded_file, limit, field):
    size = getattr(uploaded_file, "size", None)
    if size is None:
        size = len(_read_all(uploaded_file))
    if size == 0:
        raise ValidationError({field: [_("The file is empty.")]})
    if size > limit:
        raise ValidationError({field: [
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        ]})


def _read_all(uploaded_file):
    uploaded_file.seek(0)
    return uploaded_file.read()


def _not_an_image():
    return ValidationError({"image": [_("This file is not a JPEG, PNG or WebP image.")]})


def _too_many_pixels(width, height):
    return ValidationError({"image": [
        _("The image is too large: %(width)d × %(height)d pixels; the limit is %(limit)d "
          "megapixels. Make it smaller and try again.")
        % {"width": width, "height": height, "limit": settings.MAPA_IMAGE_MAX_PIXELS // 10**6}
    ]})


def _decode_image(uploaded_file):
    """(fully decoded image, Pillow format name). The pixel count is checked from the header
    before decoding, so a small file claiming a huge canvas costs nothing."""
    limit = settings.MAPA_IMAGE_MAX_PIXELS
    # Pillow's own guard, at the same figure: it warns above the limit (made an error here)
    # and refuses above twice the limit, even for a caller that skipped the check below.
    Image.MAX_IMAGE_PIXELS = limit
    data = io.BytesIO(_read_all(uploaded_file))
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            picture = Image.open(data, formats=list(IMAGE_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(*_header_size(data)) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise _not_an_image() from None
        width, height = picture.size
        if width * height > limit:
            raise _too_many_pixels(width, height)
        try:
            # Decodes every pixel: a truncated or corrupt file fails here.
            picture.load()
        except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
            raise _not_an_image() from None
    # A phone's multi-picture JPEG (MPO) is a JPEG whose first picture is the photo.
    return picture, "JPEG" if picture.format == "MPO" else picture.format


def _header_size(data):
    """The canvas a refused header claims, for the message (0 × 0 when unreadable)."""
    saved = Image.MAX_IMAGE_PIXELS
    try:
        Image.MAX_IMAGE_PIXELS = None
        data.seek(0)
        with Image.open(data, formats=list(IMAGE_FORMATS)) as picture:
            return picture.size
    except Exception:  # any unreadable header: the message then gives no size
        return (0, 0)
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def _check_pdf(content):
    refusal = ValidationError({"file": [_("This file is not a PDF document.")]})
    # A PDF starts with its header (pypdf tolerates junk before it; browsers and we do not).
    if not content.lstrip()[:5] == b"%PDF-":
        raise refusal
    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError({"file": [_(
                "This PDF is protected with a password or encrypted. Save it without "
                "protection and try again."
            )]})
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception:  # pypdf raises many kinds of errors on malformed input; all mean "no"
        raise refusal from None
    if pages < 1:
        raise ValidationError({"file": [_("This PDF has no pages.")]})


# --- Re-encoding --------------------------------------------------------------------------

def _clean_pixels(picture, stored_format):
    """The picture upright, in sRGB, in a mode the format stores, with no metadata at all."""
    upright = ImageOps.exif_transpose(picture)
    profile = picture.info.get("icc_profile")
    if profile:
        upright = _to_srgb(upright, profile)
    if upright.mode == "P":
        upright = upright.convert("RGBA" if "transparency" in upright.info else "RGB")
    if stored_format == "JPEG":
        keep = ("RGB", "L")
    else:
        keep = ("RGB", "RGBA", "L", "LA")
    if upright.mode not in keep:
        alpha = "A" in upright.getbands() and stored_format != "JPEG"
        upright = upright.convert("RGBA" if alpha else "RGB")
    clean = upright.copy() if upright is picture else upright
    # Pillow's writers take comments, profiles and EXIF from .info: nothing is left there.
    clean.info = {}
    return clean


def _to_srgb(picture, profile):
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if "A" in picture.getbands() else "RGB"
        return ImageCms.profileToProfile(
            picture, source, ImageCms.createProfile("sRGB"), outputMode=mode
        )
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # A broken profile: the pixels are kept as they are, without it.
        return picture


def _thumbnail(picture):
    width = settings.MAPA_THUMBNAIL_WIDTH
    if picture.width <= width:
        thumbnail = picture.copy()
    else:
        height = max(1, round(picture.height * width / picture.width))
        thumbnail = picture.resize((width, height), Image.Resampling.LANCZOS)
    thumbnail.info = {}
    return thumbnail


def _encode(picture, stored_format, options):
    buffer = io.BytesIO()
    picture.save(buffer, stored_format, **options)
    return buffer.getvalue()


# --- Writing ------------------------------------------------------------------------------

def _write_files(submission, contents, field):
    """Write each {name: bytes} into the submission's folder; returns the stored names. On any
    failure, removes what was written and raises MediaNotStored."""
    folder = f"cases/{submission.pk}"
    written = []
    try:
        for name, data in contents.items():
            target = f"{folder}/{name}"
            # Recorded before writing: a write that fails halfway leaves a partial file.
            written.append(target)
            stored = default_storage.save(target, ContentFile(data))
            written[-1] = stored
    except OSError:
        _remove(written)
        raise _not_stored(field) from None
    return written


def _save_row(names, field, create):
    try:
        with transaction.atomic():
            return create()
    except BaseException:
        _remove(names)
        raise


def _remove(names):
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            pass


def _not_stored(field):
    return MediaNotStored({field: [_(
        "The server could not save the file (its storage is full or not writable). Nothing "
        "was stored; please try again later."
    )]})


def _file_fields(item):
    if isinstance(item, CaseImage):
        return [item.image, item.thumbnail]
    return [item.file]


def _next_position(related):
    last = related.order_by("-position").values_list("position", flat=True).first()
    return 0 if last is None else min(last + 1, 32767)


def _plain_text(text):
    """One line of text: control characters (NUL, which PostgreSQL refuses, line breaks) become
    spaces, runs of spaces one."""
    return re.sub(r"\s+", " ", re.sub(r"[\x00-\x1f\x7f]", " ", text or "")).strip()


def _title_from_name(name):
    """A default title from the uploaded file's name, without folders or the extension."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if base.lower().endswith(".pdf"):
        base = base[:-4]
    return base.strip()[:TITLE_MAX_LENGTH]
