"""The use cases: connect, keep alive, hand out fresh tokens, verify, disconnect.

Pure Python: the window and the command line call these functions and render their results.
"""
