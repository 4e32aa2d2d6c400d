"""The case form's JSON endpoints: autosave, the gmina search and the gmina at a point.

Autosave stores what was typed in a step, as typed, whatever its validity; it answers JSON
only (never a redirect to the log-in page, which a script cannot follow), so the script can
keep its copy in the browser and say why it could not save."""
import json

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from practices.forms.base import as_querydict
from practices.forms.place import MAX_QUERY, gmina_at, parse_coordinate, search_gminy
from practices.members import refusals
from practices.members.access import is_approved, may_edit, may_open
from practices.members.steps import BY_SLUG, FORM_STEPS, save_step
from practices.models import Submission


def _error(message, status, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


@require_POST
def autosave(request, pk):
    if not request.user.is_authenticated:
        return _error(_("Your session has expired: sign in again."), 401,
                      login_url=settings.LOGIN_URL)
    if not is_approved(request.user):
        return _error(_("Your account waits for a moderator's approval."), 403)
    submission = Submission.objects.filter(pk=pk).first()
    if submission is None or not may_open(request.user, submission):
        return _error(_("There is no such submission."), 404)
    try:
        body = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        body = None
    if not isinstance(body, dict):
        return _error(_("Send a JSON object with “step” and “fields”."), 400)
    step = body.get("step")
    if step not in FORM_STEPS:
        return _error(_("step: use one of %(steps)s.") % {"steps": ", ".join(FORM_STEPS)}, 400)
    fields = body.get("fields")
    if not isinstance(fields, dict):
        return _error(_("fields: send the form's fields as a JSON object."), 400)
    if refusals.honeypot_filled(request, fields):
        return _error(_("Not saved: the form contained a field that people do not fill in."),
                      400)
    if not may_edit(request.user, submission):
        return _error(_("This submission cannot be changed now (it is %(state)s).")
                      % {"state": submission.get_state_display()}, 409)
    save_step(submission, BY_SLUG[step], as_querydict(fields))
    local = timezone.localtime(submission.updated_at)
    return JsonResponse({
        "saved_at": local.isoformat(),
        "updated_at": int(submission.updated_at.timestamp() * 1000),
        "message": _("Saved at %(time)s") % {"time": local.strftime("%H:%M")},
    })


@require_GET
def gmina_search(request):
    query = request.GET.get("q", "")
    if len(query) > MAX_QUERY:
        return _error(_("q: at most %(max)s characters.") % {"max": MAX_QUERY}, 400)
    return JsonResponse({"results": search_gminy(query)})


@require_GET
def gmina_point(request):
    lon = parse_coordinate(request.GET.get("lon", ""), -180, 180)
    lat = parse_coordinate(request.GET.get("lat", ""), -90, 90)
    if lon is None or lat is None:
        return _error(_("lon and lat: give the point's longitude (-180 to 180) and latitude "
                        "(-90 to 90) in degrees, e.g. lon=23.34&lat=53.21."), 400)
    return JsonResponse({"gmina": gmina_at(lon, lat)})
