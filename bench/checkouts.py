"""The checkouts a benchmark serves, and the gunicorn servers it runs them on.

By default the benchmarks serve this checkout. `python -m bench api --app-dir DIR` serves
DIR instead, and repeating it (`--app-dir /tmp/before --app-dir .`) serves each checkout
side by side: their requests are interleaved round by round in the same run, against the
same database and the same baseline, so a difference between them is not the machine's
noise. DIR needs what this checkout has around it (.venv, node_modules, .env, ../shared).

This benchmark's own code is never taken from DIR: a server that needs a bench-only view
(bench/api_server.py) imports it from a temporary folder holding only that module, under a
name no checkout uses, so an older checkout's own bench/ package cannot shadow it.
"""
import http.client
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.data import free_port

HERE = Path(__file__).resolve().parent
SERVER_MODULE = "mapa_bench_server"
APP_DIRS = []  # set by bench.__main__ from --app-dir; empty means this checkout


@dataclass(frozen=True)
class Checkout:
    label: str
    path: Path


def checkouts():
    """The checkouts to serve, labelled by their folder's name (or `this` for this one)."""
    this = HERE.parent
    paths = [Path(d).resolve() for d in APP_DIRS] or [this]
    found = []
    for path in paths:
        if not (path / "mapa" / "wsgi.py").exists():
            raise SystemExit(f"--app-dir {path}: not a checkout of this project (no mapa/wsgi.py)")
        if not (path / ".env").exists():
            raise SystemExit(f"--app-dir {path}: no .env; copy this checkout's .env there")
        label = "this" if path == this else path.name
        if path != this and path.name in ("app", "bench"):
            label = f"{path.parent.name}/{path.name}"
        found.append(Checkout(label, path))
    return found


def _server_module_dir():
    folder = Path(tempfile.mkdtemp(prefix="mapa-bench-"))
    (folder / f"{SERVER_MODULE}.py").symlink_to(HERE / "api_server.py")
    return folder


class Server:
    """One checkout on gunicorn, bound to a free 127.0.0.1 port, DEBUG off.

    `app` is a WSGI path ("mapa.wsgi:application") or None for bench/api_server.py, which
    adds the bench-only views to the checkout's own URLs."""

    def __init__(self, checkout, app=None, workers=2, threads=1, env=None, ready="/api/tools/",
                 port=None):
        self.checkout = checkout
        self.workers_wanted = workers
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        extra_path, self.module_dir = [], None
        if app is None:
            self.module_dir = _server_module_dir()
            extra_path = [str(self.module_dir)]
            app = f"{SERVER_MODULE}:application"
        environment = {**os.environ, "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "mapa.settings",
                       **(env or {})}
        environment["PYTHONPATH"] = os.pathsep.join(extra_path)
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), app,
             "--chdir", str(checkout.path), "--bind", f"127.0.0.1:{self.port}",
             "--workers", str(workers), "--threads", str(threads),
             "--timeout", "900", "--log-level", "warning"],
            cwd=checkout.path, env=environment,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn for {checkout.path} exited at start-up")
            try:
                if self.get(ready)["status"] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError(f"gunicorn for {checkout.path} did not start")
        self.workers = self._workers()

    def _workers(self):
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = []
        for _attempt in range(50):
            pids = [int(pid) for pid in path.read_text().split()]
            if len(pids) == self.workers_wanted:
                break
            time.sleep(0.1)
        return pids

    def reset_peaks(self):
        for pid in self.workers:
            try:
                Path(f"/proc/{pid}/clear_refs").write_text("5")
            except OSError:
                pass

    def peak_mb(self):
        peaks = []
        for pid in self.workers:
            try:
                lines = Path(f"/proc/{pid}/status").read_text().splitlines()
            except OSError:
                continue
            peaks += [int(line.split()[1]) / 1024 for line in lines if line.startswith("VmHWM:")]
        return max(peaks, default=0.0)

    def get(self, path, compressed=False, headers=None, keep_body=False):
        """GET over a new connection: status, seconds to the last byte and to the first body
        byte (not the headers: GZipMiddleware sends those before the view's first chunk),
        size, ETag, and the body itself when `keep_body`."""
        headers = {**(headers or {}), "Accept-Encoding": "gzip" if compressed else "identity"}
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=900)
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        first = response.read1(65536)
        ttfb = time.perf_counter() - started
        rest = response.read()
        elapsed = time.perf_counter() - started
        conn.close()
        result = {"status": response.status, "time": elapsed, "ttfb": ttfb,
                  "bytes": len(first) + len(rest), "etag": response.getheader("ETag")}
        if keep_body:
            result["body"] = first + rest
        return result

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        if self.module_dir:
            shutil.rmtree(self.module_dir, ignore_errors=True)
