"""Translations of the core's messages: templates looked up in gettext catalogues, then filled.

``message.N_`` marks a template and ``message.Message`` carries one with its values (every
error holds two, so this import stays light); ``localize.localize`` renders an error or a
message in a language, reading the compiled catalogue (``catalogue``) on first use. The
widgets' own texts use Qt Linguist instead (``tr()``).
"""
