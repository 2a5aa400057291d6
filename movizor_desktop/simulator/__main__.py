"""``python -m movizor_desktop.simulator``: same as the ``movizor-sim`` console script."""

from .cli import main

raise SystemExit(main())
