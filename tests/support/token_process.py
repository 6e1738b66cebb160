"""``main.py token`` in a fresh interpreter, as a script runs it, watched from inside.

Reports the exit code, what was printed, which of the ``watched`` modules were loaded, how the
index was opened and whether a log file was: what the quick path must (not) do, and what the
full path does once it takes over.
"""

from __future__ import annotations

import json

from tests.support.command_line import script_report

SCRIPT = """\
import io, json, sys
watched = json.loads(sys.argv.pop(1))
index_reads, log_opens = [], []

def audit(event, args):
    if event == "open" and str(args[0]).endswith("connections.json"):
        index_reads.append(str(args[1]))
    if event == "open" and ".log" in str(args[0]):
        log_opens.append(str(args[1]))

sys.addaudithook(audit)
from qonto_desktop.cli.main import main

out, err = io.StringIO(), io.StringIO()
code = main(sys.argv[1:], out=out, err=err)
loaded = [name for name in watched if name in sys.modules]
print(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue(),
                  "loaded": loaded, "index_reads": index_reads, "log_opens": log_opens}))
"""


def token_process(env: dict[str, str], *words: str, watched: tuple[str, ...]) -> dict[str, object]:
    """Run ``main.py token WORDS`` under ``env``; the report as a dict (see the module)."""
    return script_report(SCRIPT, json.dumps(watched), "token", *words, env=env)
