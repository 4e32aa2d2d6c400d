from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files whose ES-module imports point at the hashed names too,
    so a browser does not fetch each module twice."""

    support_js_module_import_aggregation = True
