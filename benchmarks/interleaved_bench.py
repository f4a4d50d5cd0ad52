"""One URL rendered by two checkouts of the site in turn, for a ratio that
the machine's drift does not bend.

Each checkout runs in its own process, set up like ``page_types_bench.py
--production`` (production settings, DEBUG off, no page cache, the test
client, the queries captured as that bench captures them), on its own
database, and warmed with 30 renders. Then the two render the URL
alternately, one request each, ``--n`` times, the first of each pair
alternating too. A quiet minute and a busy one fall on both alike, which
medians taken a minute apart do not.

A checkout older than ``page_types_bench.py`` (the code issue 16 measured)
is given this project's bench file with ``--a-bench``: the worker loads its
``setup()`` from there and points it at ``--a-root``.

    .venv/bin/python benchmarks/interleaved_bench.py \\
        --a-root /tmp/old --a-db postgres://postgres@127.0.0.1:5432/cf_old \\
        --b-root . --b-db postgres://postgres@127.0.0.1:5432/cf_demo \\
        --url "/en/search/?q=finance" --n 300
"""

import argparse
import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def worker(root: str, bench: str, db: str, url: str) -> None:
    """Set up one checkout, then render ``url`` once per line read."""
    spec = importlib.util.spec_from_file_location("page_bench", bench)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # puts its own checkout first on sys.path
    sys.path[:] = [root] + [path for path in sys.path if path != str(module.ROOT)]
    module.ROOT = Path(root)
    module.setup(db, production=True)
    import creativeflip

    if not creativeflip.__file__.startswith(root):
        raise SystemExit(f"{creativeflip.__file__} is not under {root}")
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for _ in range(30):
        client.get(url)
    print("ready", flush=True)
    for _line in sys.stdin:
        connection.queries_log.clear()
        with CaptureQueriesContext(connection):
            started = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - started
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code}")
        print(f"{elapsed * 1000:.3f}", flush=True)


def start(root: str, bench: str, db: str, url: str) -> subprocess.Popen:
    command = [sys.executable, str(HERE), "--worker", root, bench, db, url]
    process = subprocess.Popen(
        command, cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    if process.stdout.readline().strip() != "ready":
        raise SystemExit(f"{root}: the worker did not start")
    return process


def render(process: subprocess.Popen) -> float:
    process.stdin.write("\n")
    process.stdin.flush()
    return float(process.stdout.readline())


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    own_bench = str(HERE.parent / "page_types_bench.py")
    for side in ("a", "b"):
        parser.add_argument(f"--{side}-root", required=True, help="a checkout of the site")
        parser.add_argument(f"--{side}-db", required=True, help="its database URL")
        parser.add_argument(f"--{side}-bench", default=own_bench, help="its page bench")
    parser.add_argument("--url", default="/en/search/?q=finance")
    parser.add_argument("--n", type=int, default=300, help="renders of each")
    args = parser.parse_args()
    a = start(str(Path(args.a_root).resolve()), args.a_bench, args.a_db, args.url)
    b = start(str(Path(args.b_root).resolve()), args.b_bench, args.b_db, args.url)
    times_a, times_b = [], []
    for i in range(args.n):
        first, second = (a, b) if i % 2 else (b, a)
        one, other = render(first), render(second)
        times_a.append(one if first is a else other)
        times_b.append(other if first is a else one)
    for process in (a, b):
        process.stdin.close()
        process.wait()
    median_a, median_b = statistics.median(times_a), statistics.median(times_b)
    paired = statistics.median(y / x for x, y in zip(times_a, times_b, strict=True))
    print(f"{args.url}, {args.n} renders each, in turn")
    print(f"a: median {median_a:.2f} ms   b: median {median_b:.2f} ms")
    print(f"b / a: {median_b / median_a:.3f} (ratio of medians), {paired:.3f} (median of pairs)")


if __name__ == "__main__":
    main()
