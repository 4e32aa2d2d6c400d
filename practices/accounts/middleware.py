"""Signed-in answers are never kept by a shared cache.

A response to a request that carries the session cookie, or that sets a cookie, is marked
`Cache-Control: private` (whatever the view said, e.g. the API's `public, no-cache`). A request
without the session cookie cannot be signed in; it is left alone and its session is never
read, so the map, the embed and the API stay cookie-free, without `Vary: Cookie` and
cacheable for anonymous visitors. A shared cache in front of the site must therefore pass
requests that carry the session cookie through (docs/deploy.md)."""
from django.conf import settings
from django.utils.cache import patch_cache_control, patch_vary_headers


def carries_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class PrivateForMembersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if carries_session(request) or response.cookies:
            # Private, and varying with the cookie even in the browser's own cache: what a
            # member was shown is never served after they sign out, nor to the next account.
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
        return response
