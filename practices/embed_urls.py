"""/embed/ and /oembed/: language-neutral, the only views that may be framed."""
urlpatterns = []
