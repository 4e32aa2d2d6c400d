"""The context processor behind the header's account links (templates/base.html).

`signed_in_user` is the signed-in user, or None; `signed_in_name` the name the header shows
(the profile's name shown, else the e-mail address: never the internal user name);
`signed_in_moderator` whether the header links the moderation queue. A request
without the session cookie is anonymous without reading the session, so anonymous pages gain
no `Vary: Cookie`."""
from practices.accounts.middleware import carries_session
from practices.domain.roles import is_moderator

ANONYMOUS = {"signed_in_user": None, "signed_in_name": "", "signed_in_moderator": False}


def signed_in(request):
    if not carries_session(request):
        return ANONYMOUS
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    profile = getattr(user, "profile", None)
    name = (profile.display_name if profile is not None else "") or user.email
    return {"signed_in_user": user, "signed_in_name": name,
            "signed_in_moderator": is_moderator(user)}
