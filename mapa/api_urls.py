"""The read-only public API (language-neutral)."""
urlpatterns = []
