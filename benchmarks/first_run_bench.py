"""The first `make run` of a fresh clone: seconds until the home page answers.

Clones the current commit (HEAD of this repository) into a temporary folder,
runs `make run` there on a free loopback port with the default SQLite
database, and times each phase from make's own output (make prints every
command before it runs it):

    install           start -> the migrate command (venv, pip install)
    migrate           manage.py migrate
    compilemessages   manage.py compilemessages (skipped without gettext)
    load_demo         manage.py load_demo --if-needed
    first_response    runserver started -> GET /en/ answers 200

`make_run_seconds` is the whole: start of `make run` to the first 200.

    .venv/bin/python benchmarks/first_run_bench.py            # reuse .venv (symlink)
    .venv/bin/python benchmarks/first_run_bench.py --fresh    # new venv, pip from PyPI
    .venv/bin/python benchmarks/first_run_bench.py --json     # one JSON object
    .venv/bin/python benchmarks/first_run_bench.py --commit 04cf22b   # an earlier commit

With the reused venv the clone's `.venv` is a symlink to this checkout's,
and make is told not to rebuild its install stamp (`make -o`), so the shared
venv is never reinstalled. The server (and anything make started) is killed
at the end, by its process group. Every wait is bounded (`--timeout`).
"""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
# make's echo of each command of the `run` target -> the phase it starts.
PHASES = [
    ("migrate", re.compile(r"manage\.py migrate")),
    ("compilemessages", re.compile(r"manage\.py compilemessages")),
    ("load_demo", re.compile(r"manage\.py load_demo")),
    ("first_response", re.compile(r"manage\.py runserver")),
]
DEMO_READY = re.compile(r"Demo content ready in ([0-9.]+) s")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def clone(target: Path, revision: str = "HEAD") -> str:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{revision}^{{commit}}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(target)], check=True)
    subprocess.run(["git", "-C", str(target), "checkout", "--quiet", commit], check=True)
    return commit


def answers(url: str) -> bool:
    try:
        with urlopen(url, timeout=5) as response:
            return response.status == 200
    except (HTTPError, URLError, OSError):
        return False


def run(args) -> dict:
    port = args.port or free_port()
    url = f"http://{HOST}:{port}/en/"
    with tempfile.TemporaryDirectory(prefix="cf-first-run-") as tmp:
        checkout = Path(tmp) / "clone"
        commit = clone(checkout, args.commit)
        command = ["make", "run", f"PORT={port}", f"HOST={HOST}"]
        if not args.fresh:
            venv = (ROOT / ".venv").resolve()
            (checkout / ".venv").symlink_to(venv)
            command += ["-o", ".venv/.run-stamp"]
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "VIRTUAL_ENV"}
        }
        env["PYTHONUNBUFFERED"] = "1"
        log_path = Path(tmp) / "make.log"
        marks: dict[str, float] = {}
        demo_reported = []
        started = time.monotonic()
        load_before = os.getloadavg()
        process = subprocess.Popen(
            command,
            cwd=checkout,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )

        def read():
            with open(log_path, "w") as log:
                for line in process.stdout:
                    now = time.monotonic()
                    log.write(line)
                    for name, pattern in PHASES:
                        if name not in marks and pattern.search(line):
                            marks[name] = now
                    found = DEMO_READY.search(line)
                    if found:
                        demo_reported.append(float(found.group(1)))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        ready = None
        try:
            while time.monotonic() - started < args.timeout:
                if process.poll() is not None:
                    break
                if "first_response" in marks and answers(url):
                    ready = time.monotonic()
                    break
                time.sleep(0.5)
        finally:
            stop(process)
            reader.join(timeout=10)
        if ready is None:
            tail = log_path.read_text(errors="replace")[-3000:] if log_path.exists() else ""
            raise SystemExit(f"the home page never answered 200 at {url}\n{tail}")
        order = ["start", *[name for name, _p in PHASES], "ready"]
        times = {"start": started, **marks, "ready": ready}
        phases = {"install": marks.get("migrate", ready) - started}
        for here, after in zip(order[1:], order[2:], strict=False):
            if here in times:
                following = next(times[n] for n in order[order.index(after) :] if n in times)
                phases[here] = following - times[here]
        return {
            "commit": commit,
            "venv": "fresh" if args.fresh else "reused",
            "make_run_seconds": round(ready - started, 1),
            "load_demo_seconds": round(phases.get("load_demo", 0.0), 1),
            "load_demo_reported_seconds": demo_reported[0] if demo_reported else None,
            "phases": {name: round(value, 1) for name, value in phases.items()},
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "url": url,
        }


def stop(process) -> None:
    """End make and everything it started (the server), by process group."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=15)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="a new venv (pip from PyPI)")
    parser.add_argument("--port", type=int, help="port for runserver (default: a free one)")
    parser.add_argument("--timeout", type=float, default=1800, help="give up after (seconds)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--commit", default="HEAD", help="the commit to clone (default HEAD)")
    args = parser.parse_args(argv)
    if shutil.which("make") is None:
        raise SystemExit("make is not installed")
    if not args.fresh and not (ROOT / ".venv").exists():
        raise SystemExit("no .venv to reuse here; use --fresh")
    result = run(args)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"first `make run` of {result['commit'][:10]} ({result['venv']} venv)")
    for name, seconds in result["phases"].items():
        print(f"  {name:<16} {seconds:7.1f} s")
    print(f"  {'total':<16} {result['make_run_seconds']:7.1f} s  (home page answered 200)")
    before, after = result["load_average_before"], result["load_average_after"]
    print(f"  load average before {before}, after {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
