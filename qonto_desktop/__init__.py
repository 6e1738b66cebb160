"""Qonto Desktop: connect Qonto bank accounts to an accountant's desk."""

APP_NAME = "Qonto Desktop"
APP_ID = "qonto-desktop"
__version__ = "0.2.0"
