"""A real headless Chromium for tests: find it (installing Debian's package if need be) and drive it.

The browser is driven through the DevTools protocol over ``--remote-debugging-pipe``: Chromium
reads commands from file descriptor 3 and writes replies and events to descriptor 4, each one
JSON message ended by a NUL byte. That needs no websocket client, opens no port, and gives
console messages, uncaught exceptions, DOM queries and screenshots from one browser process.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

NAMES = ("chromium", "chromium-browser")
INSTALL_TIMEOUT = 600  # seconds for apt-get update + install together

# Quiet, offline, throwaway: no sandbox (tests run as root), no GPU, no background traffic.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)


def find() -> str | None:
    for name in NAMES:
        if path := shutil.which(name):
            return path
    return None


def find_or_install(timeout: float = INSTALL_TIMEOUT) -> tuple[str | None, str]:
    """The browser's path and ``""``; or None and why it cannot be had here."""
    if path := find():
        return path, ""
    if os.name != "posix" or os.geteuid() != 0:
        return None, "chromium is not installed and installing it needs root (apt-get install -y chromium)"
    if not shutil.which("apt-get"):
        return None, "chromium is not installed and there is no apt-get to install it with"
    deadline = time.monotonic() + timeout
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]):
        left = deadline - time.monotonic()
        try:
            done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=max(left, 1))
        except subprocess.TimeoutExpired:
            return None, f"`{' '.join(cmd)}` did not finish within {timeout:.0f} s"
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            return None, f"`{' '.join(cmd)}` failed ({done.returncode}): {tail[0]}"
    if path := find():
        return path, ""
    return None, "apt-get installed chromium but no chromium binary is on PATH"


class DevToolsError(RuntimeError):
    pass


class Browser:
    """One headless Chromium process with a DevTools session on one page."""

    def __init__(self, executable: str, user_data_dir: Path, *, width: int = 1280, height: int = 2000, timeout: float = 30.0):
        self.timeout = timeout
        self.events: list[dict[str, Any]] = []
        self._next_id = 0
        self._buffer = b""
        cmd_read, self._cmd_write = os.pipe()  # we write commands, Chromium reads fd 3
        self._reply_read, reply_write = os.pipe()  # Chromium writes fd 4, we read

        def wire_fds() -> None:  # in the child: move the pipe ends onto fds 3 and 4
            import fcntl

            high_r = fcntl.fcntl(cmd_read, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(reply_write, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.log = Path(user_data_dir).with_name(Path(user_data_dir).name + ".log")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [executable, *FLAGS, f"--user-data-dir={user_data_dir}", f"--window-size={width},{height}",
                 "--remote-debugging-pipe", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, preexec_fn=wire_fds,
                close_fds=False,  # keep fds 3 and 4; Python opens everything else non-inheritable
            )
        os.close(cmd_read)
        os.close(reply_write)
        self.session: str | None = None
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                self.call(f"{domain}.enable")
            self.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        except BaseException:
            self.close()
            raise

    # --- protocol ---------------------------------------------------------------------------

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self._cmd_write, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise DevToolsError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._reply_read], [], [], left)[0]:
                raise DevToolsError(f"no reply from Chromium within {self.timeout:.0f} s")
            chunk = os.read(self._reply_read, 1 << 16)
            if not chunk:
                err = self.log.read_text(errors="replace")[-2000:]
                raise DevToolsError(f"Chromium closed the DevTools pipe (exit {self.process.poll()}): {err}")
            self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    # --- conveniences -----------------------------------------------------------------------

    def load(self, url: str) -> None:
        self.call("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise DevToolsError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions and failed loads seen so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                found.append(f"exception: {details.get('exception', {}).get('description') or details.get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "warning", "assert"):
                found.append(f"console.{params['type']}: {[a.get('value', a.get('description')) for a in params.get('args', [])]}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                entry = params["entry"]
                found.append(f"log {entry['level']} ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())
        return found

    def screenshot(self, path: Path, *, full_page: bool = False) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            width, height = self.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update(captureBeyondViewport=True, clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", params)["data"]))
        return path

    def close(self) -> None:
        try:
            if self.process.poll() is None:
                try:
                    self.session = None
                    self.call("Browser.close")
                except (DevToolsError, OSError):
                    pass
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        finally:
            for fd in (self._cmd_write, self._reply_read):
                try:
                    os.close(fd)
                except OSError:
                    pass

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
