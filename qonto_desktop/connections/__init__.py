"""The application API: every use case the window and the command line call, on plain values.

connect (``connect``, with ``attempt`` for a sign-in in progress), list (``listing``), verify,
tokens and refresh (``fresh``, its slow path in ``renewal``), disconnect, the app registration
(``registration``, ``baked``), the window's language (``preferences``), demo and self-test.
A face builds one :class:`~qonto_desktop.connections.desk.Desk` at its edge; a journey resolves
one connection's :class:`~qonto_desktop.connections.context.ConnectionContext` once. Pure
Python: no Qt. See docs/architecture.md, "The application API".
"""
