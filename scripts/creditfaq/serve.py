"""Live preview: mkdocs serve on the generated pages, and a watcher that re-runs the
pipeline when data/ or docs/pages/ change. A broken edit prints its error and the server
keeps running with the last good pages."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Callable

from .lang import say
from .pipeline import mkdocs_env, quiet_mkdocs
from .store import Project


def _snapshot(folders: list[Path]) -> dict[str, float]:
    state: dict[str, float] = {}
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file() and not path.name.startswith("."):
                    state[str(path)] = path.stat().st_mtime_ns
    return state


def _settled(started: dict[str, float], after: dict[str, float], written: dict[str, int]) -> dict[str, float]:
    """The state the preview now stands on: what it saw after a rebuild, except the files
    saved by someone else while the rebuild ran (changed, and not as the pipeline wrote them),
    which keep their state from before — so the next look sees them changed and rebuilds."""
    settled = dict(after)
    for path in set(started) | set(after):
        if started.get(path) != after.get(path) and written.get(path, -2) != after.get(path, -1):
            if path in started:
                settled[path] = started[path]
            else:
                settled.pop(path, None)
    return settled


def _die_with_parent() -> None:
    """In the child: end when the preview command ends, however it ends (Linux only)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _pass_on(stream: IO[str]) -> None:
    """Copy what mkdocs says to our stderr, without its progress lines (INFO, jieba's)."""
    for line in stream:
        if quiet_mkdocs(line):
            sys.stderr.write(line)
            sys.stderr.flush()


def serve(project: Project, dev_addr: str, rebuild: Callable[[], int], interval: float = 0.5,
          verbose: bool = False) -> int:
    rebuild()  # a first render, so mkdocs has pages to serve even if data has problems
    watched = [project.data, project.pages]
    cmd = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project.root / "mkdocs.yml"), "-a", dev_addr,
           "--livereload"]
    quiet = {} if verbose else {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
    server = subprocess.Popen(cmd, cwd=project.root, env=mkdocs_env(verbose), preexec_fn=_die_with_parent,
                              **quiet)  # type: ignore[call-overload]
    if server.stdout is not None:
        threading.Thread(target=_pass_on, args=(server.stdout,), daemon=True).start()

    def stop(signum, frame):  # SIGTERM and SIGHUP end the preview as Ctrl-C does
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)
    print(say(f"serve: 预览地址 http://{dev_addr}/ ——保存 data/ 或 docs/pages/ 下的文件后页面会自动更新；按 Ctrl-C 停止",
              f"serve: preview at http://{dev_addr}/ — edits under data/ and docs/pages/ show up on save; Ctrl-C stops"),
          flush=True)
    before = _snapshot(watched)
    try:
        while server.poll() is None:
            time.sleep(interval)
            now = _snapshot(watched)
            if now != before:
                print(say("serve: 发现文件有改动，正在重新生成…", "serve: change detected, rebuilding…"), flush=True)
                project.written.clear()
                code = rebuild()
                after = _snapshot(watched)
                before = _settled(now, after, project.written)
                if before != after:
                    print(say("serve: 生成期间又有文件被保存，再生成一次…", "serve: saved again meanwhile, rebuilding…"),
                          flush=True)
                elif code == 0:
                    print(say("serve: 完成", "serve: done"), flush=True)
                else:
                    print(say("serve: 请改正上面的问题；预览仍显示上一次正确的页面",
                              "serve: fix the problems above; the preview keeps the last good pages"), flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
    return 0
