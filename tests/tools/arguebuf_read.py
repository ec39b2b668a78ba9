"""Reads argument files with arguebuf (PyPI) and prints what it read, as JSON, for the Rust tests.

Usage: arguebuf_read.py FILE...   (.txt: Kialo export; .json: AIF, OVA3/xAIF, or the JSON the
Argdown CLI writes, whose statements, arguments and relations are given to arguebuf's Argdown
loader as its map). Exits non-zero with the error when arguebuf cannot load a file.
"""

import json
import pathlib
import sys
import warnings

import arguebuf


def argdown_map(doc):
    """The Argdown CLI's model as the map arguebuf's Argdown loader reads."""
    nodes = [{"id": t, "title": t, "type": "statement", "labelText": t}
             for t in doc.get("statements", {})]
    nodes += [{"id": t, "title": t, "type": "argument", "labelText": t}
              for t in doc.get("arguments", {})]
    edges = [{"id": f"e{i}", "from": r["from"], "to": r["to"], "relationType": r["relationType"]}
             for i, r in enumerate(doc.get("relations", []))]
    return {"map": {"nodes": nodes, "edges": edges}}


def load(path):
    if path.suffix == ".txt":
        with open(path, encoding="utf-8") as f:
            return arguebuf.load.kialo(f)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if "statements" in doc and "relations" in doc:
        return arguebuf.load.argdown(argdown_map(doc))
    if "AIF" in doc:
        return arguebuf.load.xaif(doc)
    return arguebuf.load.aif(doc)


def describe(graph):
    schemes = []
    for node in graph.scheme_nodes.values():
        schemes.append({
            "kind": type(node.scheme).__name__ if node.scheme is not None else "None",
            "from": [graph.atom_nodes[n.id].plain_text for n in graph.incoming_nodes(node)
                     if n.id in graph.atom_nodes],
            "to": [graph.atom_nodes[n.id].plain_text for n in graph.outgoing_nodes(node)
                   if n.id in graph.atom_nodes],
        })
    return {
        "atoms": [a.plain_text for a in graph.atom_nodes.values()],
        "schemes": schemes,
        "edges": len(graph.edges),
    }


def main():
    out = {}
    for name in sys.argv[1:]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            graph = load(pathlib.Path(name))
        result = describe(graph)
        result["warnings"] = [str(w.message) for w in caught]
        out[name] = result
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
