"""Which account a failed login counts against (settings.AXES_USERNAME_CALLABLE).

The site's form sends an e-mail address (`email`), the admin's a user name (`username`). Both
are brought to the account's e-mail address, so failures on either form add up for the same
account and a lock-out holds on both. An address that matches no account counts as typed
(lower-cased), so guessing unknown addresses locks out just the same."""
from django.contrib.auth import get_user_model
from django.db.models import Q


def account_key(request, credentials=None):
    credentials = credentials or {}
    typed = credentials.get("email") or credentials.get("username")
    if not typed and request is not None:
        data = getattr(request, "data", None) or request.POST
        typed = data.get("login") or data.get("username") or data.get("email")
    typed = (typed or "").strip()
    if not typed:
        return typed
    user = (
        get_user_model().objects.filter(Q(email__iexact=typed) | Q(username=typed))
        .exclude(email="").order_by("pk").values_list("email", flat=True).first()
    )
    return (user or typed).lower()
