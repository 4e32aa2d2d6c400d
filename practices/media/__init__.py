"""Images and PDF documents of submissions, as an entry point beside pages/ and api/: the
upload and delete endpoints of the submission form's "sources and media" step (JSON), and the
one view that serves stored files, to whoever may see them (files.py). The checks and the
storage themselves are practices.uploads."""
