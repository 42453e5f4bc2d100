"""The package ships what it needs: every subpackage and models/ listed in pyproject.toml."""

from __future__ import annotations

import re
from pathlib import Path

import ruextract

ROOT = Path(__file__).resolve().parents[1]


def listed_packages() -> set[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = re.search(r"^packages = \[(.*?)\]", text, re.S | re.M)
    assert block, "pyproject.toml lists its packages explicitly"
    return set(re.findall(r'"([\w.]+)"', block.group(1)))


def test_packaging_lists_every_subpackage():
    source = ROOT / "src"
    found = {
        ".".join(path.parent.relative_to(source).parts)
        for path in source.rglob("__init__.py")
    }
    found |= {
        ".".join(("ruextract", *path.parent.relative_to(ROOT).parts))
        for path in (ROOT / "models").rglob("__init__.py")
    }
    assert found == listed_packages()


def test_packaging_public_api_is_pinned():
    assert sorted(ruextract.__all__) == [
        "Cue", "Document", "DocumentTooLarge", "Entity", "ErrorInfo", "Event", "Fact", "Mention",
        "ModelNotFound", "NerSpan", "Output", "Pipeline", "PipelineConfigError", "Quote",
        "Record", "Relation", "Resources", "RuextractError", "Sentence", "Span", "Stage",
        "Timex", "Token", "load", "output_schema",
    ]
    for name in ruextract.__all__:
        assert hasattr(ruextract, name)


def test_packaging_models_folder_is_found():
    from ruextract.resources import models_dir

    assert models_dir().is_dir()
