"""How long /en/ takes to answer while editors upload large PDFs at once.

Serves the site with gunicorn (3 sync workers, production settings) on
127.0.0.1, logs N editors in through the admin login form (requests sessions,
CSRF), posts N large PDFs to /admin/documents/add/ at the same moment, and
meanwhile asks for /en/ every 0.2 s. Prints the median answer time of /en/
when idle, its median and maximum while the uploads run, and each upload's
time. With ``--tasks database`` it also runs ``manage.py db_worker`` and
reports when the admin listing no longer shows "Extracting…".

    createdb -h 127.0.0.1 -U postgres cf_bench
    .venv/bin/python benchmarks/upload_stall_bench.py \\
        --database-url postgres://postgres@127.0.0.1:5432/cf_bench --tasks database

``--project DIR`` serves another checkout with this checkout's interpreter
(e.g. ``git archive main | tar -x -C /tmp/before`` to measure the old code).
The database must be a scratch one: the script migrates it, adds the home
page and a superuser ``bench``, and leaves the uploads in it. Only loopback
addresses are used; every wait is bounded and the whole run stops after
``--timeout`` seconds.
"""

import argparse
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
# The home page, and the superuser "bench" with this run's password.
SETUP = """
from django.contrib.auth import get_user_model
from home.demo import ensure_home
ensure_home()
user, _ = get_user_model().objects.get_or_create(
    username="bench", defaults={{"is_staff": True, "is_superuser": True}}
)
user.set_password("{password}")
user.save()
"""


def large_pdf(pages: int) -> bytes:
    """A text PDF of ``pages`` dense pages (cached: fpdf2 takes a while)."""
    cache = Path(tempfile.gettempdir()) / f"upload_stall_bench_{pages}.pdf"
    if cache.exists():
        return cache.read_bytes()
    from fpdf import FPDF

    sentence = (
        "Creative hubs across Europe share what they learn about finance, skills, "
        "intellectual property and the policies that shape their work. "
    )
    pdf = FPDF()
    pdf.set_font("helvetica", size=9)
    for number in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 4, f"Page {number + 1}. " + sentence * 28)
    data = bytes(pdf.output())
    cache.write_bytes(data)
    return data


def environment(args, media_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="creativeflip.settings.production",
        SECRET_KEY=secrets.token_urlsafe(40),
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=args.database_url,
        MEDIA_ROOT=media_root,
        TASKS_BACKEND=args.tasks,
        LOG_LEVEL="ERROR",
    )
    return env


def manage(project: Path, env: dict, *command: str, timeout: float = 600) -> None:
    subprocess.run(  # noqa: S603 - our interpreter, our manage.py
        [sys.executable, "manage.py", *command], cwd=project, env=env, check=True, timeout=timeout
    )


def wait_until_up(base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/healthz/", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in time")


def trust_cookies_over_http(session: requests.Session) -> None:
    # Production marks the session and CSRF cookies Secure; the benchmark
    # talks plain HTTP on loopback, so let requests send them back.
    for cookie in session.cookies:
        cookie.secure = False


def logged_in(base: str, password: str) -> requests.Session:
    session = requests.Session()
    session.get(f"{base}/admin/login/", timeout=30)
    trust_cookies_over_http(session)
    response = session.post(
        f"{base}/admin/login/",
        data={
            "username": "bench",
            "password": password,
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/admin/",
        },
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302:
        raise SystemExit(f"login failed: {response.status_code}")
    trust_cookies_over_http(session)
    return session


def upload(session, base, number, data, results, timeout):
    started = time.monotonic()
    response = session.post(
        f"{base}/admin/documents/add/",
        data={
            "title": f"Large report {number}",
            "collection": "1",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        files={"file": (f"large-report-{number}.pdf", data, "application/pdf")},
        allow_redirects=False,
        timeout=timeout,
    )
    results.append((time.monotonic() - started, response.status_code))


def probe(url: str, timeout: float) -> float:
    started = time.monotonic()
    response = requests.get(url, timeout=timeout)
    response.raise_for_status()
    return time.monotonic() - started


def measure(args, base: str, password: str, deadline: float) -> None:
    home = f"{base}/en/"
    idle = [probe(home, 30) for _ in range(10)]
    data = large_pdf(args.pages)
    sessions = [logged_in(base, password) for _ in range(args.uploads)]
    results: list = []
    threads = [
        threading.Thread(
            target=upload,
            args=(session, base, number, data, results, deadline - time.monotonic()),
        )
        for number, session in enumerate(sessions, start=1)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    during = []
    while any(thread.is_alive() for thread in threads) and time.monotonic() < deadline:
        during.append(probe(home, max(1.0, deadline - time.monotonic())))
        time.sleep(0.2)
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    uploads_done = time.monotonic() - started

    print(f"PDF: {args.pages} pages, {len(data) / 1e6:.1f} MB; {args.uploads} uploads at once")
    print(f"/en/ idle: median {statistics.median(idle) * 1000:.0f} ms")
    if during:
        print(
            f"/en/ during uploads: {len(during)} requests, median "
            f"{statistics.median(during) * 1000:.0f} ms, max {max(during) * 1000:.0f} ms"
        )
    print(f"uploads: all answered after {uploads_done:.1f} s")
    for seconds, status in sorted(results):
        print(f"  upload answered {status} in {seconds:.1f} s")
    if args.tasks == "database":
        listing = sessions[0]
        while time.monotonic() < deadline:
            page = listing.get(f"{base}/admin/documents/", timeout=30).text
            if "Extracting…" not in page:
                print(
                    f"text extraction: all done {time.monotonic() - started:.1f} s after the start"
                )
                break
            time.sleep(1)
        else:
            print("text extraction: still running at the time limit")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a scratch database")
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout to serve")
    parser.add_argument("--tasks", choices=["immediate", "database"], default="immediate")
    parser.add_argument("--uploads", type=int, default=6)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--timeout", type=float, default=300, help="stop after this many seconds")
    args = parser.parse_args()

    deadline = time.monotonic() + args.timeout
    password = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory(prefix="upload-stall-") as media_root:
        env = environment(args, media_root)
        project = args.project.resolve()
        manage(project, env, "migrate", "--noinput", "-v", "0")
        manage(project, env, "shell", "-v", "0", "-c", SETUP.format(password=password))
        servers = [
            subprocess.Popen(  # noqa: S603 - our interpreter and gunicorn
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "creativeflip.wsgi",
                    "--workers",
                    "3",
                    "--bind",
                    f"{HOST}:{args.port}",
                    "--timeout",
                    "120",
                    "--log-level",
                    "warning",
                ],
                cwd=project,
                env=env,
            )
        ]
        if args.tasks == "database":
            servers.append(
                subprocess.Popen(  # noqa: S603 - our interpreter and manage.py
                    [sys.executable, "manage.py", "db_worker", "--interval", "0.5"],
                    cwd=project,
                    env=env,
                )
            )
        try:
            base = f"http://{HOST}:{args.port}"
            wait_until_up(base, min(deadline, time.monotonic() + 90))
            measure(args, base, password, deadline)
        finally:
            for server in servers:
                server.send_signal(signal.SIGTERM)
            for server in servers:
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()


if __name__ == "__main__":
    main()
