"""Members' accounts: django-allauth's sign-in, sign-up, e-mail confirmation and password reset
(configured in mapa/settings_members.py, shaped by `adapter.py` and `forms.py`), approval of new
members and invitations (`membership.py`, the moderators' pages in `moderation.py`), the
member's public profile and settings (`views.py`), and what keeps accounts safe: the
honeypot (`honeypot.py`), the lock-out key (`lockout.py`) and private caching of signed-in
answers (`middleware.py`)."""
