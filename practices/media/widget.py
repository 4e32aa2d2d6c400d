"""The template library of the upload widget (`{% load media_widget %}`, registered in
settings.TEMPLATES): the configuration templates/media/upload_widget.html hands to
static/js/members/media.js through json_script."""
from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

# Stand-ins the script replaces with an item's kind and id in the delete address.
KIND_SLOT, ID_SLOT = "KIND", 999999999


@register.simple_tag(takes_context=True)
def media_config(context, submission):
    language = get_language() or settings.LANGUAGE_CODE
    delete = reverse("media:delete", args=[submission.pk, KIND_SLOT, ID_SLOT])
    return {
        "url": reverse("media:upload", args=[submission.pk]),
        "deleteUrl": delete,
        "kindSlot": KIND_SLOT,
        "idSlot": str(ID_SLOT),
        "language": language,
        "csrfToken": get_token(context["request"]),
        # Placeholders in braces ({name}, {size}, {limit}) are filled in by the script.
        "messages": {
            "uploading": _("Uploading…"),
            "added": _("Added: {name}."),
            "removed": _("Removed: {name}."),
            "remove": _("Remove"),
            "removeLabel": _("Remove: {name}"),
            "noFile": _("Choose a file first."),
            "tooLarge": _("The file is too large ({size}); the limit is {limit}."),
            "failed": _("The file could not be sent. Check your connection and try again."),
            "noDescription": _("image without a description"),
            "document": _("document"),
            "loadFailed": _(
                "The list of files could not be loaded. Reload the page to try again."
            ),
        },
        "maxBytes": {
            "image": settings.MAPA_IMAGE_MAX_BYTES,
            "attachment": settings.MAPA_ATTACHMENT_MAX_BYTES,
        },
    }
