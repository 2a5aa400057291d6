"""Entry script of the frozen app (PyInstaller): the same as ``movizor-desktop``."""

import sys

from movizor_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
