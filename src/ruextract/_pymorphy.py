"""pymorphy, made to work on every Python we support.

natasha and yargy import ``pymorphy2``, whose ``MorphAnalyzer`` breaks on Python 3.11
(``inspect.getargspec`` is gone) and whose dictionary lookup needs ``pkg_resources`` (gone from
3.12 virtual environments without setuptools). pymorphy3 is its maintained fork with the same
API and newer dictionaries. Before natasha or yargy is imported, ``use_pymorphy3()`` registers
pymorphy3's modules under the ``pymorphy2`` names, so every analyzer they build is a pymorphy3
one. If the host program imported pymorphy2 itself first, it is left alone.
"""

from __future__ import annotations

import importlib
import sys

PYMORPHY3_MODULES = (
    "pymorphy3",
    "pymorphy3.analyzer",
    "pymorphy3.tagset",
    "pymorphy3.units",
    "pymorphy3.units.base",
    "pymorphy3.opencorpora_dict",
)


def use_pymorphy3() -> None:
    if "pymorphy2" in sys.modules:
        return
    for name in PYMORPHY3_MODULES:
        module = importlib.import_module(name)
        sys.modules["pymorphy2" + name[len("pymorphy3"):]] = module
