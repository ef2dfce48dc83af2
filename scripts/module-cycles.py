#!/usr/bin/env python3
"""Fails when the modules of a crate import each other in a circle.

Cargo already refuses cycles between crates; inside a crate nothing does. A module's
dependencies are the top-level modules it names as `crate::x` (or `super::x` from a file
directly under src/), comments and test modules left out. Every group of modules that reach each other is
printed with the edges that close it.

    scripts/module-cycles.py            every crate under crates/
    scripts/module-cycles.py crates/app one crate
"""
import os
import re
import sys


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def module_graph(src):
    graph = {}
    for dirpath, _, files in os.walk(src):
        for name in files:
            # Test modules are not part of the design.
            if not name.endswith(".rs") or name == "tests.rs" or os.sep + "tests" in dirpath[len(src):]:
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, src)
            top = rel.split(os.sep)[0]
            top = top[:-3] if top.endswith(".rs") else top
            if top in ("lib", "main"):
                continue
            with open(path, encoding="utf-8") as f:
                text = strip_comments(f.read())
            deps = set(re.findall(r"\bcrate::([a-z_][a-z0-9_]*)", text))
            for group in re.findall(r"\bcrate::\{([^}]*)\}", text):
                deps |= {p.strip().split("::")[0] for p in group.split(",") if p.strip()}
            if os.sep not in rel:
                deps |= set(re.findall(r"\bsuper::([a-z_][a-z0-9_]*)", text))
            graph.setdefault(top, set()).update(d for d in deps if d != top)
    return {m: {d for d in deps if d in graph} for m, deps in graph.items()}


def cycles(graph):
    index, low, stack, on_stack, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    roots = sys.argv[1:] or sorted(
        os.path.join("crates", c) for c in os.listdir("crates") if os.path.isdir(os.path.join("crates", c, "src"))
    )
    failed = False
    for root in roots:
        graph = module_graph(os.path.join(root, "src"))
        for group in cycles(graph):
            failed = True
            print(f"{root}: modules in a circle: {', '.join(group)}")
            for m in group:
                print(f"  {m} -> {', '.join(sorted(d for d in graph[m] if d in group))}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
