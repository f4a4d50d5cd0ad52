"""The app boundaries (docs/architecture.md, section 3) are enforced by the
import-linter contract in pyproject.toml; these tests keep the contract
complete and the fallbacks gone."""

import ast
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
    assert offenders == []


def test_the_contract_is_kept():
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout


def test_core_names_no_app():
    """``core`` learns what it needs from the apps themselves (their
    ``AppConfig.demo_steps`` and ``not_translated``, their page models'
    ``cached_as_detail``, ``purges_listings`` and ``in_page_chrome``): no
    string in core's code names another project app or one of its models."""
    names = "|".join(sorted(project_packages() - {"core", "creativeflip"}))
    label = re.compile(rf"^({names})(\.\w+)*$")
    named = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and label.match(text):
                named.append(f"{path.relative_to(ROOT)}:{node.lineno} {text}")
    assert named == []


def test_load_demo_takes_its_steps_from_the_apps():
    from core.management.commands.load_demo import demo_modules

    steps = demo_modules()
    assert steps[0] == "core.demo" and steps[-1] == "core.demo_pictures"
    # Sections before the pages in them; search's promotions after the pages.
    assert steps.index("partners.demo") < steps.index("knowledgebase.demo")
    assert steps.index("search.demo") > steps.index("funding.demo")
    assert {step.split(".")[0] for step in steps} >= {"home", "partners", "learning", "funding"}


def test_page_rules_point_down_from_the_content_types():
    """Home and the partner pages name no app in ``subpage_types``: what they
    hold is what the content types' ``parent_page_types`` say. So every
    creatable page type must say it."""
    from wagtail.models import get_page_models

    from home.models import HomePage
    from partners.models import EducationPartnerPage, HubPage

    unruled = [m.__name__ for m in get_page_models() if m.is_creatable and not m.parent_page_types]
    assert unruled == []
    for model in (HomePage, HubPage, EducationPartnerPage):
        assert getattr(model, "subpage_types", None) is None, model

    def names(model):
        return {child.__name__ for child in model.creatable_subpage_models()}

    content = {"PolicyPaperPage", "GuidelinePage", "CaseStoryPage", "NewsPage", "EventPage"}
    assert names(HubPage) == content | {"FundingOpportunityPage"}
    assert names(EducationPartnerPage) == names(HubPage) | {"LearningModulePage"}
    assert names(HomePage) == {
        "PolicyPaperIndexPage",
        "GuidelineIndexPage",
        "CaseStoryIndexPage",
        "NewsIndexPage",
        "LearningIndexPage",
        "PartnerIndexPage",
        "ExchangeIndexPage",
        "FundingIndexPage",
        "IPCheckPage",
        "ContentPage",
    }


def test_an_editor_can_add_the_funding_finder_under_a_home_page(admin_client, home):
    """It was missing from the home page's list, so the admin offered it nowhere."""
    from funding.models import FundingIndexPage

    response = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/")
    assert response.status_code == 200
    assert "/admin/pages/add/funding/fundingindexpage/" in response.content.decode()
    assert FundingIndexPage.can_create_at(home)
