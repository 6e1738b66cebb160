"""Translations of the core's messages and French typography."""
