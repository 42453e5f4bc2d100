"""The README's Python example prints what the README says it prints."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_example_output_is_true(nlp):
    text = README.read_text(encoding="utf-8")
    example = re.search(r'doc = nlp\("([^"]+)", published="([\d-]+)"\)\nprint\(.*\)\n# (\[.*\])', text)
    assert example, "the README's first Python example"
    doc = nlp(example.group(1), published=example.group(2))
    assert str([(entity.type, entity.name) for entity in doc.entities]) == example.group(3)
