#!/usr/bin/env python3
"""The rust-version in Cargo.toml must cover what the code and its
dependencies need. Only one toolchain can be installed here (no older one can
be fetched), so this checks what can be checked without it:

1. every dependency in Cargo.lock that lapis builds declares a rust-version
   no newer than lapis's (cargo metadata);
2. the language features lapis's sources use that are newer than 1.85 —
   let chains (`if let ... && let ...`, stable in 1.88 for edition 2024).
clippy's `incompatible_msrv` lint (run by `make lint`) covers std APIs.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent


def version(v):
    return tuple(int(x) for x in (v.split(".") + ["0", "0"])[:3])


meta = json.loads(subprocess.check_output(
    ["cargo", "metadata", "--format-version", "1", "--locked"], cwd=root))
packages = {p["id"]: p for p in meta["packages"]}
lapis = next(p for p in meta["packages"] if p["name"] == "lapis")
ours = version(lapis["rust_version"])

# lapis's normal, build and (for its own tests) dev dependencies, and their
# normal and build dependencies.
nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
seen, todo = set(), [lapis["id"]]
while todo:
    pid = todo.pop()
    if pid in seen:
        continue
    seen.add(pid)
    for dep in nodes[pid]["deps"]:
        kinds = {k["kind"] for k in dep["dep_kinds"]}
        if kinds & {None, "build"} or (pid == lapis["id"] and "dev" in kinds):
            todo.append(dep["pkg"])

bad = []
for pid in seen:
    p = packages[pid]
    if p["rust_version"] and version(p["rust_version"]) > ours:
        bad.append(f'{p["name"]} {p["version"]} needs rust {p["rust_version"]}')

# Let chains need 1.88.
let_chain = re.compile(r"\bif let [^{;]*&&\s*let\b|&&\s*let\s+(Some|Ok|Err|None)\b")
uses_let_chains = [str(f.relative_to(root)) for f in list((root / "src").rglob("*.rs")) + [root / "build.rs"]
                   if let_chain.search(f.read_text())]
if uses_let_chains and ours < (1, 88, 0):
    bad.append(f"let chains (rust 1.88) in {', '.join(uses_let_chains[:3])}")

if bad:
    print(f"check_msrv: rust-version {lapis['rust_version']} is too old:")
    for b in sorted(bad):
        print("  " + b)
    sys.exit(1)
newest = max((version(packages[p]["rust_version"]) for p in seen if packages[p]["rust_version"]), default=(0, 0, 0))
print(f"check_msrv: rust-version {lapis['rust_version']} covers {len(seen) - 1} dependencies "
      f"(newest needs {'.'.join(map(str, newest))}) and the syntax used")
