"""The README's Python example prints what the README says it prints."""

from __future__ import annotations

import ast
import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_example_output_is_true(nlp):
    text = README.read_text(encoding="utf-8")
    example = re.search(r'doc = nlp\("([^"]+)", published="([\d-]+)"\)\nprint\(.*\)\n# (\[.*\])', text)
    assert example, "the README's first Python example"
    doc = nlp(example.group(1), published=example.group(2))
    assert str([(entity.type, entity.name) for entity in doc.entities]) == example.group(3)


def test_readme_records_example_prints_what_it_says(nlp):
    text = README.read_text(encoding="utf-8")
    block = re.search(r'doc = nlp\((".*?"\s*\n\s*".*?")\s*,\s*published="([\d-]+)"\)\n'
                      r'for record in doc.records:\n    if record.type in (\(.*?\)):\n.*?\n((?:# .*\n)+)',
                      text)
    assert block, "the README's records example"
    source = "".join(part.strip().strip('"') for part in block.group(1).splitlines())
    doc = nlp(source, published=block.group(2))
    wanted = ast.literal_eval(block.group(3))  # the record types, as written in the README
    printed = [record.summary for record in doc.records if record.type in wanted]
    assert printed == [line[2:] for line in block.group(4).splitlines()]
