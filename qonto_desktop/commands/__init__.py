"""The command-line commands, one module each; ``qonto_desktop.cli`` parses and dispatches."""
