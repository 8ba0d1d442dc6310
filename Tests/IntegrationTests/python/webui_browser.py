#!/usr/bin/env python3
"""Headless Chromium driver for the Web UI test (standard library only).

    webui_browser.py capture SPEC.json       -> JSON report on stdout
    webui_browser.py pngstats FILE.png...    -> JSON [{width, height, colors, ...}]

`capture` starts Chromium with `--remote-debugging-pipe` (the DevTools
protocol as NUL-separated JSON over file descriptors 3 and 4, so no port
and no websocket), and for each page of the spec: opens the URL in a fresh
tab, polls `document.body.innerText` until every `expect` string is in it
(or the page's share of the deadline is used up), optionally runs a
`prepare` script on every poll (e.g. to click a toggle), waits until the
text has been stable for a moment, and writes a PNG screenshot and the
final text. Everything is bounded by the spec's `timeout` (seconds): on
expiry the browser is killed and the report says what was missing.

`pngstats` decodes PNGs (8-bit RGB/RGBA, any filter) with zlib and counts
their distinct colours, so a blank or single-colour capture is detectable.
"""

import base64
import collections
import fcntl
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib


class BrowserError(Exception):
    pass


class Pipe:
    """The DevTools protocol over Chromium's fds 3 (we write) and 4 (we read)."""

    def __init__(self, write_fd, read_fd, deadline):
        self.wfd = write_fd
        self.rfd = read_fd
        self.deadline = deadline
        self.buf = b""
        self.next_id = 0

    def _read_message(self):
        while b"\0" not in self.buf:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise BrowserError("timed out waiting for the browser to answer")
            ready, _, _ = select.select([self.rfd], [], [], min(remaining, 1.0))
            if not ready:
                continue
            chunk = os.read(self.rfd, 1 << 20)
            if not chunk:
                raise BrowserError("the browser closed its DevTools pipe (it exited)")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=None):
        self.next_id += 1
        mid = self.next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        data = json.dumps(msg).encode() + b"\0"
        while data:
            n = os.write(self.wfd, data)
            data = data[n:]
        while True:
            reply = self._read_message()
            if reply.get("id") != mid:
                continue   # an event, or an answer nobody waits for
            if "error" in reply:
                raise BrowserError("%s failed: %s" % (method, reply["error"]))
            return reply.get("result", {})


def evaluate(pipe, session, expression):
    result = pipe.call("Runtime.evaluate",
                       {"expression": expression, "returnByValue": True, "awaitPromise": True},
                       session)
    if "exceptionDetails" in result:
        return None
    return result.get("result", {}).get("value")


TEXT_JS = "document.body ? document.body.innerText : ''"


def capture_page(pipe, page, page_deadline, poll):
    started = time.monotonic()
    target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    pipe.call("Page.enable", {}, session)
    pipe.call("Runtime.enable", {}, session)
    width, height = page.get("width", 1440), page.get("height", 1800)
    pipe.call("Emulation.setDeviceMetricsOverride",
              {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)
    nav = pipe.call("Page.navigate", {"url": page["url"]}, session)
    if nav.get("errorText"):
        raise BrowserError("navigating to %s failed: %s" % (page["url"], nav["errorText"]))

    expect = page.get("expect", [])
    prepare = page.get("prepare")
    settle = float(page.get("settle", 0.75))
    text, missing, found_at = "", list(expect), None

    while True:
        if prepare:
            evaluate(pipe, session, prepare)
        text = evaluate(pipe, session, TEXT_JS) or ""
        missing = [e for e in expect if e not in text]
        now = time.monotonic()
        if missing:
            found_at = None
        elif found_at is None:
            found_at = now
        elif now - found_at >= settle:
            # everything was there on polls `settle` seconds apart: the
            # page has rendered (a running workflow's duration keeps
            # ticking, so the text as a whole never stops changing)
            break
        if now >= page_deadline:
            break
        time.sleep(poll)

    fit = page.get("fit")
    if fit:
        # the UI scrolls inside one element (not the document): make the
        # viewport large enough to show all of it (up to `max_width` x
        # `max_height`)
        size = evaluate(pipe, session,
                        "(() => { const e = document.querySelector(%s); if (!e) return null; "
                        "return [e.scrollWidth - e.clientWidth + innerWidth, "
                        "e.scrollHeight - e.clientHeight + innerHeight]; })()" % json.dumps(fit))
        if isinstance(size, list) and len(size) == 2 and (size[0] > width or size[1] > height):
            pipe.call("Emulation.setDeviceMetricsOverride",
                      {"width": int(min(max(size[0], width), page.get("max_width", 2400))),
                       "height": int(min(max(size[1], height), page.get("max_height", 6000))),
                       "deviceScaleFactor": 1, "mobile": False}, session)
            time.sleep(0.3)
    # let the last frame paint before capturing
    evaluate(pipe, session,
             "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))")
    shot = pipe.call("Page.captureScreenshot", {"format": "png", "optimizeForSpeed": True}, session)
    png = base64.b64decode(shot["data"])
    os.makedirs(os.path.dirname(os.path.abspath(page["screenshot"])), exist_ok=True)
    with open(page["screenshot"], "wb") as f:
        f.write(png)
    if page.get("text"):
        with open(page["text"], "w", encoding="utf-8") as f:
            f.write(text)
    pipe.call("Target.closeTarget", {"targetId": target})
    return {"url": page["url"], "missing": missing, "seconds": round(time.monotonic() - started, 2),
            "screenshot": page["screenshot"], "bytes": len(png), "text": text}


def capture(spec_path):
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    chromium = spec.get("chromium") or "/usr/bin/chromium"
    if not (os.path.isfile(chromium) and os.access(chromium, os.X_OK)):
        raise BrowserError("chromium not found at %s (install Debian's `chromium` package "
                           "or set MOONFLOW_CHROMIUM)" % chromium)
    timeout = float(spec.get("timeout", 60))
    deadline = time.monotonic() + timeout
    profile = tempfile.mkdtemp(prefix="moonflow-chromium-")
    log_path = spec.get("log") or os.path.join(profile, "chromium.log")
    to_chrome_r, to_chrome_w = os.pipe()
    from_chrome_r, from_chrome_w = os.pipe()
    args = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--mute-audio", "--force-color-profile=srgb",
            "--user-data-dir=" + profile, "--remote-debugging-pipe", "about:blank"]

    def child_fds():
        # Chromium reads commands on fd 3 and writes answers on fd 4; move
        # both ends out of the way first so neither dup2 clobbers the other
        high_r = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 10)
        high_w = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.dup2(high_r, 3)   # dup2 leaves the new descriptor inheritable
        os.dup2(high_w, 4)

    log = open(log_path, "wb")
    # close_fds=False: it would run after child_fds and close 3 and 4; every
    # other descriptor of this process is close-on-exec anyway (PEP 446)
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=log, stderr=log, close_fds=False,
                            start_new_session=True, preexec_fn=child_fds)
    os.close(to_chrome_r)
    os.close(from_chrome_w)
    pages = spec["pages"]
    report = {"pages": [], "chromium_log": log_path}
    try:
        pipe = Pipe(to_chrome_w, from_chrome_r, deadline)
        version = pipe.call("Browser.getVersion")
        report["browser"] = version.get("product")
        for i, page in enumerate(pages):
            # each page gets an equal share of what is left of the deadline
            # (less a margin for the screenshot)
            share = (deadline - time.monotonic() - 2.0) / (len(pages) - i)
            report["pages"].append(capture_page(pipe, page, time.monotonic() + max(share, 1.0),
                                                float(spec.get("poll", 0.25))))
        try:
            pipe.call("Browser.close")
        except BrowserError:
            pass
    except BrowserError as e:
        report["error"] = str(e)
    finally:
        # after Browser.close it exits by itself (after an error it is
        # killed at once); WNOWAIT leaves it unreaped, so its process group
        # id cannot have been reused when the group is killed
        stop_at = time.monotonic() + (0 if "error" in report else 5)
        while time.monotonic() < stop_at:
            if os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                break
            time.sleep(0.05)
        try:
            os.killpg(proc.pid, signal.SIGKILL)   # its whole session (renderers, zygote)
        except ProcessLookupError:
            pass
        proc.wait()
        log.close()
        os.close(to_chrome_w)
        os.close(from_chrome_r)
        if "error" in report:
            try:
                with open(log_path, "rb") as f:
                    report["chromium_log_tail"] = f.read()[-3000:].decode("utf-8", "replace")
            except OSError:
                pass
        if spec.get("log") or "error" not in report:   # else the log inside it is kept
            shutil.rmtree(profile, ignore_errors=True)
    return report


def _byte_add(x, y, low7, high1):
    """Bytewise addition mod 256 of two equally long big-endian integers."""
    return ((x & low7) + (y & low7)) ^ ((x ^ y) & high1)


def png_stats(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise BrowserError("%s is not a PNG" % path)
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise BrowserError("%s has no IHDR chunk" % path)
    width, height, depth, color, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(color)
    if depth != 8 or channels is None or interlace != 0:
        raise BrowserError("%s: unsupported PNG (depth %d, colour type %d, interlace %d)"
                           % (path, depth, color, interlace))
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise BrowserError("%s: %d bytes of image data, expected %d" % (path, len(raw), height * (stride + 1)))
    # None, Sub and Up rows are undone on whole rows as big integers (Sub
    # as a prefix sum in log2(width) steps); Average and Paeth byte by byte
    low7 = int.from_bytes(b"\x7f" * stride, "big")
    high1 = int.from_bytes(b"\x80" * stride, "big")
    prev = bytes(stride)
    colors = collections.Counter()
    step = channels * 4   # every 4th pixel of every row is plenty to tell a blank page
    for row in range(height):
        pos = row * (stride + 1)
        ftype = raw[pos]
        body = raw[pos + 1:pos + 1 + stride]
        if ftype == 0:
            line = body
        elif ftype in (1, 2):
            x = int.from_bytes(body, "big")
            if ftype == 2:
                x = _byte_add(x, int.from_bytes(prev, "big"), low7, high1)
            else:
                shift = channels
                while shift < stride:
                    x = _byte_add(x, x >> (8 * shift), low7, high1)
                    shift *= 2
            line = x.to_bytes(stride, "big")
        elif ftype in (3, 4):
            out = bytearray(body)
            for i in range(stride):
                a = out[i - channels] if i >= channels else 0
                b = prev[i]
                if ftype == 3:
                    pred = (a + b) >> 1
                else:
                    c = prev[i - channels] if i >= channels else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    pred = a if (pa <= pb and pa <= pc) else (b if pb <= pc else c)
                out[i] = (out[i] + pred) & 0xFF
            line = bytes(out)
        else:
            raise BrowserError("%s: bad PNG filter type %d in row %d" % (path, ftype, row))
        colors.update(zip(line[0::step], line[1::step], line[2::step]))
        prev = line
    total = sum(colors.values())
    dominant = max(colors.values()) if colors else 0
    return {"path": path, "width": width, "height": height, "colors": len(colors),
            "dominant_fraction": round(dominant / total, 4) if total else 1.0}


def main(argv):
    if len(argv) < 3 or argv[1] not in ("capture", "pngstats") or (argv[1] == "capture" and len(argv) != 3):
        sys.stderr.write("usage: webui_browser.py capture SPEC.json | pngstats FILE.png...\n")
        return 2
    try:
        if argv[1] == "capture":
            result = capture(argv[2])
        else:
            result = [png_stats(path) for path in argv[2:]]
    except (BrowserError, OSError, ValueError, zlib.error) as e:
        sys.stderr.write("webui_browser: %s\n" % e)
        return 1
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
