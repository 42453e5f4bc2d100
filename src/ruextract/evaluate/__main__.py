"""``python -m ruextract.evaluate TASK --gold FILE [--pred FILE]``."""

import sys

from .cli import main

sys.exit(main())
