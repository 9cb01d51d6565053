"""Live preview: mkdocs serve on the generated pages, and a watcher that re-runs the
pipeline when data/ or docs/pages/ change. A broken edit prints its error and the server
keeps running with the last good pages."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from .store import Project


def _snapshot(folders: list[Path]) -> dict[str, float]:
    state: dict[str, float] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file() and not path.name.startswith("."):
                    state[str(path)] = path.stat().st_mtime_ns
    return state


def _die_with_parent() -> None:
    """In the child: end when the preview command ends, however it ends (Linux only)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def serve(project: Project, dev_addr: str, rebuild: Callable[[], int], interval: float = 0.5) -> int:
    rebuild()  # a first render, so mkdocs has pages to serve even if data has problems
    watched = [project.data, project.pages]
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project.root / "mkdocs.yml"), "-a", dev_addr,
           "--livereload"]
    server = subprocess.Popen(cmd, cwd=project.root, preexec_fn=_die_with_parent)

    def stop(signum, frame):  # SIGTERM and SIGHUP end the preview as Ctrl-C does
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)
    print(f"serve: preview at http://{dev_addr}/ — edits under data/ and docs/pages/ show up on save; Ctrl-C stops")
    before = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(interval)
            now = _snapshot(watched)
            if now != before:
                before = now
                print("serve: change detected, rebuilding…", flush=True)
                if rebuild() == 0:
                    print("serve: done", flush=True)
                else:
                    print("serve: fix the problems above; the preview keeps the last good pages", flush=True)
                before = _snapshot(watched)  # the pipeline itself may have rewritten data files
    except KeyboardInterrupt:
        pass
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
    return 0
