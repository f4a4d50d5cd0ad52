"""The app boundaries (docs/architecture.md, section 3) are enforced by the
import-linter contract in pyproject.toml; these tests keep the contract
complete and the fallbacks gone."""

import re
import subprocess
import tomllib
from pathlib import Path

from core.localization.registry import project_apps

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def project_packages() -> set[str]:
    names = {c.name for c in project_apps()}
    return names | {"creativeflip"}


def test_every_app_is_in_the_contract():
    assert set(CONFIG["root_packages"]) == project_packages()
    (contract,) = CONFIG["contracts"]
    layered = {name.strip() for layer in contract["layers"] for name in re.split(r"[|:]", layer)}
    assert layered == project_packages()


def test_no_app_pretends_another_is_optional():
    """Depending on an app means importing it: no ``apps.get_model`` of a
    project model guarded by ``LookupError`` outside migrations."""
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    offenders = []
    for name in tracked:
        if name.startswith("tests/") or "/migrations/" in name:
            continue
        text = (ROOT / name).read_text(encoding="utf-8")
        if "except LookupError" in text and "get_model(" in text:
            offenders.append(name)
    # partners/sections.py runs inside migrations too, with their historical
    # apps registry, where a later model may not exist yet.
    assert offenders == ["partners/sections.py"]


def test_the_contract_is_kept():
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
