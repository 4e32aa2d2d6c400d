"""Accept-Encoding read as HTTP defines it (RFC 9110, section 12.5.3): a coding whose weight
is 0 (`gzip;q=0`) is one the client refuses.

GZipMiddleware, WhiteNoise (precompressed static files) and the pages' Brotli
(practices.pages.compression) all look for a coding's name in the header and read no weight,
so a client refusing gzip would get gzip anyway. This middleware, placed before all three,
removes the refused codings from the header; the rest of the header is left as it came.
"""
import re

# A weight of zero: "q=0", "q=0.", "q=0.000" (the q is case-insensitive, spaces allowed
# around "=" by what clients send, if not by the grammar).
_ZERO_WEIGHT = re.compile(r"[qQ]\s*=\s*0(?:\.0{0,3})?")


def without_refused(header):
    """`header` (an Accept-Encoding value) without its items of weight 0."""
    kept = []
    for item in header.split(","):
        _coding, *parameters = item.split(";")
        if not any(_ZERO_WEIGHT.fullmatch(parameter.strip()) for parameter in parameters):
            kept.append(item)
    return ",".join(kept).strip()


class RefusedCodingsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        header = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if ";" in header:  # no parameters, no weights: nothing refused
            request.META["HTTP_ACCEPT_ENCODING"] = without_refused(header)
            # request.headers is read from META once and kept: let it be read again.
            request.__dict__.pop("headers", None)
        return self.get_response(request)
