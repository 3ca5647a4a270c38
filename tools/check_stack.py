#!/usr/bin/env python3
"""check-stack: no recursion in the library, and no large stack frame.

Reads the call graphs and stack usages gcc writes with -fcallgraph-info=su
(.ci files, one per source file, in the folders given) and fails when
  - any function can reach itself through direct calls (a cycle), or
  - a frame is larger than MAX_FRAME bytes, or its size is unbounded
    (a variable-length array or alloca).
A host may run the library on a small thread stack (128 KiB on musl), so the
depth of the stack must not depend on the input.  Calls through function
pointers (SQLite's callbacks) are not in the graph; the library makes none
of its own.
usage: check_stack.py MAX_FRAME DIR..."""
import glob, os, re, sys

def read(dirs):
    edges, frames = {}, {}
    node = re.compile(r'node: \{ title: "([^"]+)" label: "([^"]*)')
    edge = re.compile(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"')
    for d in dirs:
        for f in glob.glob(os.path.join(d, "*.ci")):
            text = open(f, encoding="utf-8", errors="replace").read()
            for m in node.finditer(text):
                size = re.search(r"(\d+) bytes \(([\w,]+)\)", m.group(2))
                if size: frames[m.group(1)] = (int(size.group(1)), size.group(2))
            for m in edge.finditer(text):
                edges.setdefault(m.group(1), set()).add(m.group(2))
    return edges, frames

def cycles(edges):
    """Each strongly connected component with a cycle (iterative Tarjan)."""
    index, low, on, stack, out, n = {}, {}, set(), [], [], 0
    for root in list(edges):
        if root in index: continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = n; n += 1; stack.append(root); on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = n; n += 1; stack.append(w); on.add(w)
                    work.append((w, iter(edges.get(w, ()))))
                elif w in on: low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work: low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop(); on.discard(w); comp.append(w)
                    if w == v: break
                if len(comp) > 1 or v in edges.get(v, ()): out.append(comp)
    return out

def main():
    limit, dirs = int(sys.argv[1]), sys.argv[2:]
    edges, frames = read(dirs)
    if not frames:
        print("check-stack: no call graph found (gcc 10 or later needed)"); return 1
    bad = 0
    for comp in cycles(edges):
        print("check-stack: recursion: " + " -> ".join(sorted(comp))); bad += 1
    for fn, (size, kind) in sorted(frames.items()):
        if size > limit or kind == "dynamic":
            print(f"check-stack: {fn}: frame {size} bytes ({kind}), limit {limit}"); bad += 1
    top = max(frames.items(), key=lambda kv: kv[1][0])
    print(f"check-stack: {len(frames)} functions, no recursion, largest frame {top[1][0]} bytes ({top[0].split(':')[-1]})"
          if not bad else f"check-stack: {bad} problems")
    return 1 if bad else 0

sys.exit(main())
