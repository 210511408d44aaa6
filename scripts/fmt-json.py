#!/usr/bin/env python3
"""Rewrites the project's data files in one readable layout: two-space indents, lists of plain
values and {"en": …, "ja": …} texts on one line. Usage: scripts/fmt-json.py FILE..."""
import json
import sys


def inline(v):
    if isinstance(v, list):
        return all(not isinstance(x, (list, dict)) for x in v)
    if isinstance(v, dict):
        return set(v) <= {"en", "ja"} and all(isinstance(x, str) for x in v.values()) or set(v) <= {"low", "high"}
    return True


def dump(v, indent=0):
    pad = "  " * indent
    if inline(v):
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{json.dumps(k)}: {json.dumps(x, ensure_ascii=False)}" for k, x in v.items()) + " }"
        return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + ",\n".join(pad + "  " + dump(x, indent + 1) for x in v) + "\n" + pad + "]"
    items = [f'{pad}  {json.dumps(k, ensure_ascii=False)}: {dump(x, indent + 1)}' for k, x in v.items()]
    return "{\n" + ",\n".join(items) + "\n" + pad + "}"


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    with open(path, "w", encoding="utf-8") as f:
        f.write(dump(data) + "\n")
