"""Start-up cost of reading Qonto's answers with msgspec or with pydantic, as whole processes.

Times ``python -c`` processes taking turns: the interpreter with ``decimal`` and ``json`` (the
baseline), each library's import, and each library defining four small models and decoding one
body. Run it with an interpreter that has both libraries (pydantic is not a dependency of the
app: use a scratch venv); a library that is missing is reported as such. Prints a table;
writes nothing. The figures are in docs/decisions.md, "Qonto's answers as typed models".

Usage: ``.venv/bin/python bench/model_library.py [--python PATH] [--runs N]``
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

BODY = b'{"organization": {"id": "o", "bank_accounts": [{"id": "a", "balance": 1.15}]}}'

MSGSPEC_MODELS = f"""
from decimal import Decimal
import msgspec
class Account(msgspec.Struct):
    id: str | None = None
    balance: object = None
class Organization(msgspec.Struct):
    id: str
    name: str | None = None
    bank_accounts: list[Account] = []
class Membership(msgspec.Struct):
    id: str
class Body(msgspec.Struct):
    organization: Organization
msgspec.json.Decoder(Body, float_hook=Decimal).decode({BODY!r})
"""

PYDANTIC_MODELS = f"""
from decimal import Decimal
from pydantic import BaseModel
class Account(BaseModel):
    id: str | None = None
    balance: Decimal | None = None
class Organization(BaseModel):
    id: str
    name: str | None = None
    bank_accounts: list[Account] = []
class Membership(BaseModel):
    id: str
class Body(BaseModel):
    organization: Organization
Body.model_validate_json({BODY!r})
"""

CASES = {
    "baseline: import decimal, json": "import decimal, json",
    "import msgspec": "import msgspec",
    "from pydantic import BaseModel": "from pydantic import BaseModel",
    "msgspec: 4 models + 1 decode": MSGSPEC_MODELS,
    "pydantic: 4 models + 1 validate": PYDANTIC_MODELS,
}


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    times: dict[str, list[float]] = {name: [] for name in CASES}
    missing: set[str] = set()
    for _ in range(options.runs):
        for name, code in CASES.items():
            if name in missing:
                continue
            start = time.perf_counter()
            done = subprocess.run([options.python, "-c", code], capture_output=True, check=False)
            if done.returncode != 0:
                missing.add(name)
                continue
            times[name].append(time.perf_counter() - start)
    print("| process | median ms | fastest ms |")
    print("|---|---:|---:|")
    for name, values in times.items():
        if name in missing:
            print(f"| {name} | not installed | |")
            continue
        print(f"| {name} | {statistics.median(values) * 1000:.1f} | {min(values) * 1000:.1f} |")


if __name__ == "__main__":
    main()
