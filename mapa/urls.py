"""URL wiring. API, data, embed and oEmbed URLs are language-neutral; HTML pages live under
i18n_patterns: Polish at /, English under /en/."""
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

# Uncaught errors: a 503 while the database is unavailable, else the 500 page (JSON under /api/).
handler500 = "practices.pages.outage.server_error"

urlpatterns = [
    # Uploaded files, served only to who may see them; first, so nothing else serves /media/.
    path("", include("practices.media.urls")),
    path("healthz", include("practices.pages.health")),
    path("api/", include("practices.api.urls")),
    path("", include("practices.pages.embed_urls")),
    path("", include("practices.opendata.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("practices.pages.urls")),
    path("", include("practices.accounts.urls")),
    path("", include("practices.opendata.page_urls")),
    prefix_default_language=False,
)
