"""Read newsgraph GraphML and GEXF exports with networkx and report what it
sees: node and edge counts, the attribute names and Python types found on
nodes and edges, and one node's attributes. Usage: networkx_read.py FILE...
(the format by extension). Prints one JSON object keyed by file."""
import json
import sys

import networkx as nx


def describe(g, probe):
    node_attrs, edge_attrs = {}, {}
    for _, d in g.nodes(data=True):
        for k, v in d.items():
            node_attrs.setdefault(k, set()).add(type(v).__name__)
    for *_, d in g.edges(data=True):
        for k, v in d.items():
            edge_attrs.setdefault(k, set()).add(type(v).__name__)
    return {
        "class": type(g).__name__,
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "node_attrs": {k: sorted(v) for k, v in node_attrs.items()},
        "edge_attrs": {k: sorted(v) for k, v in edge_attrs.items()},
        "probe": g.nodes[probe] if probe in g else None,
        "probe_out": sorted(d.get("relation", "") for _, _, d in g.out_edges(probe, data=True)) if probe in g else [],
    }


def main():
    probe = sys.argv[1]
    out = {}
    for path in sys.argv[2:]:
        if path.endswith(".graphml"):
            g = nx.read_graphml(path)
        elif path.endswith(".gexf"):
            g = nx.read_gexf(path)
        else:
            raise SystemExit("unknown format: " + path)
        out[path] = describe(g, probe)
    out["networkx"] = nx.__version__
    json.dump(out, sys.stdout, default=str)


main()
