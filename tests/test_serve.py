"""`creditfaq serve`: an edit under data/ reaches the preview without a restart, and a
broken edit is reported while the server keeps serving the last good pages."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import EPOCH


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def test_an_edit_under_data_shows_up_in_the_running_preview(project: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/products/huabei/"
    log = project / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "creditfaq", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT,
                                  env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "CREDITFAQ_EDIT_URL": ""},
                                  start_new_session=True)
    try:
        assert _wait_for(lambda: "cf-stage" in (_get(url) or ""), 90), log.read_text()
        # the preview, and only the preview, tells the writer which file the page is made from
        assert "本页内容来自 <code>data/topics/huabei.yml</code>" in _get(url)

        # a writer rewrites the first step of the timeline, whatever the sources made of it
        topic = project / "data/topics/huabei.yml"
        lines = topic.read_text(encoding="utf-8").splitlines(keepends=True)
        start = lines.index("timeline:\n")
        at = next(i for i in range(start, len(lines)) if lines[i].startswith("  text: "))
        lines[at] = "  text: 起诉与强制执行，编辑改写\n"
        topic.write_text("".join(lines), encoding="utf-8")
        assert _wait_for(lambda: "起诉与强制执行，编辑改写" in (_get(url) or ""), 60), log.read_text()

        good = topic.read_text(encoding="utf-8")
        topic.write_text(good + "timeline: [unclosed\n", encoding="utf-8")
        assert _wait_for(lambda: "data/topics/huabei.yml:" in log.read_text(), 60), log.read_text()
        assert server.poll() is None, "a broken edit stopped the preview"
        assert "起诉与强制执行，编辑改写" in (_get(url) or ""), "the last good page is no longer served"
        assert "Traceback" not in log.read_text()

        # SIGTERM (as a service manager or CI stops it) ends the preview and its mkdocs server
        children = [int(pid) for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]
        assert children, "mkdocs serve is not running under creditfaq serve"
        server.send_signal(15)
        server.wait(timeout=20)
        assert _wait_for(lambda: not any(_alive(pid) for pid in children), 15), "mkdocs serve outlived creditfaq serve"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, 9)
        server.wait(timeout=20)


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
