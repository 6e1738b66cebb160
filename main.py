"""Qonto Desktop's entry point: hands the command line to ``qonto_desktop.cli.main``."""

import sys

from qonto_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
