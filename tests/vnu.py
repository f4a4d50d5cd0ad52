"""The Nu HTML checker (vnu-jar from npm, run on Java) over many pages in one
Java start: each page is written to a temporary file and the errors come
back per page. A known-bad page goes along every time, so a checker that
read nothing cannot pass as "no errors"."""

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CANARY = '<!DOCTYPE html><html lang="en"><title>canary</title><h2 role="status">x</h2></html>'


def available() -> str:
    """Why the checker cannot run, or "" when it can."""
    if not shutil.which("java"):
        return "java is not installed (apt-get install -y default-jre-headless)"
    if not JAR.exists():
        return "vnu-jar is not installed (npm ci)"
    return ""


def validate(pages: dict[str, str]) -> dict[str, list[str]]:
    """``{name: html}`` -> ``{name: [error, ...]}`` for every page; one Java run."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for number, (name, html) in enumerate([*pages.items(), ("canary", CANARY)]):
            path = Path(folder) / f"page{number}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        run = subprocess.run(
            ["java", "-jar", str(JAR), "--format", "json", "--errors-only"]
            + [str(Path(folder) / filename) for filename in files],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        report = json.loads(run.stderr or run.stdout)
    errors = {name: [] for name in [*pages, "canary"]}
    for message in report["messages"]:
        name = files.get(message.get("url", "").rsplit("/", 1)[-1], "?")
        errors.setdefault(name, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']}"
            f" [{message.get('extract', '').strip()}]"
        )
    if not errors.pop("canary"):
        raise RuntimeError(f"the Nu checker reported nothing on a bad page: {report}")
    return errors
