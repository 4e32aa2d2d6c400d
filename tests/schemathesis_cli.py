"""Runs the schemathesis command line for the two API runs (tests/practices/api and
tests/practices/opendata).

One retry, for one error only: CPython's spurious `SystemError: AST constructor recursion depth
mismatch` (python/cpython#106905), which schemathesis's worker threads meet now and then while
they build their data strategies under this machine's Python 3.11. It is raised inside the
generator before any request is sent, so it says nothing about the API; every other failure is
reported as it is, and a second failure of any kind stands."""
import subprocess  # nosec B404: the schemathesis command of our own virtualenv

INTERPRETER_ERROR = "AST constructor recursion depth mismatch"


def run(command, **kwargs):
    result = subprocess.run(command, check=False, **kwargs)  # nosec B603
    output = (result.stdout or "") + (result.stderr or "")
    if result.returncode != 0 and INTERPRETER_ERROR in output:
        result = subprocess.run(command, check=False, **kwargs)  # nosec B603
    return result
