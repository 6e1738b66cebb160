"""The command line: the parser, one module per command, and how results are shown."""
