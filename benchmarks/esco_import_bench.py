"""Time and peak memory of the full ESCO import (English, --all).

    .venv/bin/python benchmarks/esco_import_bench.py                 # SQLite
    .venv/bin/python benchmarks/esco_import_bench.py --postgres postgres://postgres@127.0.0.1:5432/cf_learning_bench

Each run migrates a fresh database, then runs ``import_esco`` twice in a
child process: the first import and the idempotent re-run. Peak memory is the
child's maximum resident set size. The ESCO zips are read from ../shared/esco
(or --esco DIR); they are never copied into the project.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


def fresh_postgres(url: str) -> str:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def run(env, *args) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) of the child, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024, result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esco", default=str(ROOT.parent / "shared" / "esco"))
    parser.add_argument("--postgres", help="a PostgreSQL URL; the database is recreated")
    parser.add_argument("--languages", default="en")
    options = parser.parse_args()
    if not Path(options.esco).exists():
        sys.exit(f"no ESCO download at {options.esco}")

    with tempfile.TemporaryDirectory() as tmp:
        if options.postgres:
            database = fresh_postgres(options.postgres)
            backend = "PostgreSQL"
        else:
            database = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
            backend = "SQLite"
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "DJANGO_SETTINGS_MODULE": "creativeflip.settings.test",
        }
        run(env, "migrate", "--noinput", "-v0")
        args = ["import_esco", options.esco, "--all", "--languages", options.languages]
        first, first_peak, output = run(env, *args)
        again, again_peak, _ = run(env, *args)
    summary = output.strip().splitlines()[-1]
    if options.postgres:
        fresh_postgres(options.postgres)  # leave an empty database behind, not 124k rows
    print(f"backend: {backend}, cores: {os.cpu_count()}")
    print(f"first import:  {first:6.1f} s wall, including Django start-up")
    print(f"second import: {again:6.1f} s wall, nothing to change")
    print(f"peak RSS of the import processes: {max(first_peak, again_peak):.0f} MiB")
    print(summary)


if __name__ == "__main__":
    main()
