"""Headless Chromium over the DevTools protocol, for the report's tests, screenshots and timing.

No driver binary and no Python dependency: Chromium speaks the protocol on two
pipes (``--remote-debugging-pipe``: commands on fd 3, replies on fd 4, each
message JSON ended by a NUL byte). WebGL runs on SwiftShader, so the graph
draws without a GPU.

    with Chromium() as browser:
        browser.open("out/report.html")
        png = browser.screenshot()
        print(browser.errors)          # console errors, uncaught exceptions, failed loads
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = ("--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
         "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", "--disable-extensions",
         "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist")


def find_chromium() -> str | None:
    """The Chromium binary: ``$CHROMIUM`` or the first of the usual names on PATH."""
    if os.environ.get("CHROMIUM"):
        return os.environ["CHROMIUM"]
    return next((path for path in map(shutil.which, CANDIDATES) if path), None)


class Chromium:
    """One headless browser with one page; errors the page reports are collected in :attr:`errors`."""

    def __init__(self, width: int = 1400, height: int = 1000, binary: str | None = None, timeout: float = 30.0):
        binary = binary or find_chromium()
        if binary is None:
            raise FileNotFoundError("Chromium not found: install the 'chromium' package or set $CHROMIUM")
        self.timeout = timeout
        self.errors: list[str] = []
        self._events: list[dict] = []
        self._next_id = 0
        self._buffer = b""
        self._profile = tempfile.TemporaryDirectory(prefix="sahel-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire_pipes() -> None:  # in the child: its fd 3 reads our commands, its fd 4 carries replies
            reader, writer = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(reader, 3)
            os.dup2(writer, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--window-size={width},{height}", f"--user-data-dir={self._profile.name}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire_pipes, close_fds=False)
        os.close(to_browser_r)
        os.close(from_browser_w)
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    # -- protocol ------------------------------------------------------------------------------
    def send(self, method: str, session: str | None = None, **params: Any) -> dict:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._event(reply)

    def call(self, method: str, **params: Any) -> dict:
        """A command to the page."""
        return self.send(method, self.session, **params)

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_browser], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium exited")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _event(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        self._events.append(message)
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description", "")))
                                                        for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append("exception: " + (details.get("exception", {}).get("description")
                                                 or details.get("text", "")))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            self.errors.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())

    def wait_event(self, method: str, timeout: float | None = None) -> dict:
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            found = next((e for e in self._events if e.get("method") == method), None)
            if found is not None:
                self._events.remove(found)
                return found
            self._event(self._read(deadline))

    # -- page --------------------------------------------------------------------------------
    def open(self, path: str | os.PathLike, ready: str = "window.sahelReport !== undefined") -> float:
        """Load a file and wait until ``ready`` is true; returns the seconds it took."""
        start = time.monotonic()
        self._events.clear()
        self.call("Page.navigate", url=Path(path).resolve().as_uri())
        self.wait_event("Page.loadEventFired")
        self.wait_until(ready)
        return time.monotonic() - start

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("exception", {}).get("description", expression))
        return result.get("result", {}).get("value")

    def wait_until(self, expression: str, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout or self.timeout)
        while not self.evaluate(f"!!({expression})"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"still false: {expression}")
            time.sleep(0.05)

    def frames(self, n: int = 2) -> None:
        """Let the page paint ``n`` animation frames (WebGL and Leaflet draw on them)."""
        self.evaluate("new Promise(r => { let k = %d; const f = () => --k ? requestAnimationFrame(f) : r(1);"
                      " requestAnimationFrame(f); })" % n)

    def click(self, x: float, y: float) -> None:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=0 if kind == "mouseMoved" else 1)

    def screenshot(self, clip: dict | None = None, full_page: bool = False) -> bytes:
        """PNG bytes of the viewport, of ``clip`` ({x, y, width, height} in CSS pixels), or of the whole page."""
        params: dict[str, Any] = {"format": "png", "captureBeyondViewport": bool(full_page or clip)}
        if clip:
            params["clip"] = {**clip, "scale": 1}
        elif full_page:
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        return base64.b64decode(self.call("Page.captureScreenshot", **params)["data"])

    def rect(self, selector: str) -> dict:
        """Page coordinates of an element (CSS pixels)."""
        return self.evaluate(
            "(() => { const r = document.querySelector(%s).getBoundingClientRect();"
            " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })()"
            % json.dumps(selector))

    # -- lifetime -------------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def __enter__(self) -> "Chromium":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
