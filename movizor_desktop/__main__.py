"""``python -m movizor_desktop``: the same as the ``movizor-desktop`` command."""

from .app import main

raise SystemExit(main())
