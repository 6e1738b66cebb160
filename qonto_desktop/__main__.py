"""``python -m qonto_desktop``: the same command line as ``main.py`` and ``qonto-desktop``."""

import sys

from qonto_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
