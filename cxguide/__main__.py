"""``python -m cxguide``: the same as the ``cxguide`` command."""

from cxguide.cli import main

raise SystemExit(main())
