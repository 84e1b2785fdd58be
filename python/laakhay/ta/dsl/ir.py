"""The plan's intermediate representation: a hash-consed DAG of typed nodes.

Equal subexpressions are one node (``macd(close)`` and ``macd(close, 12, 26, 9)`` included:
calls carry every parameter, defaults filled in), so the lowering computes each once.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from laakhay.ta.dsl.timeframes import Timeframe

# Series types; a node with op "const" is a scalar of that type.
FLOAT = "float"
INT = "int"  # integer outputs (pattern signals, indices): numbers like floats
BOOL = "bool"
STRUCT = "struct"  # a multi-output call, read through "field" nodes only

NUMERIC = frozenset({FLOAT, INT})

DERIVED_SOURCES = {
    "hl2": ("high", "low"),
    "hlc3": ("high", "low", "close"),
    "ohlc4": ("open", "high", "low", "close"),
}
BAR_SOURCES = ("open", "high", "low", "close", "volume")

# Operators by the text that writes them.
ARITHMETIC = frozenset({"+", "-", "*", "/", "%", "**"})
COMPARISON = frozenset({"<", "<=", ">", ">=", "==", "!="})
LOGIC = frozenset({"and", "or"})


@dataclass(frozen=True, eq=False)
class Node:
    """One operation. Nodes are interned by `Builder`, so identity is structural equality.

    ``op`` is one of ``source`` (attrs: column), ``const`` (attrs: value), ``call`` (attrs:
    indicator, ((param, value), ...)), ``field`` (attrs: output), ``unary`` (attrs: "-" or
    "not"), ``binary`` (attrs: operator), ``if_else``, ``nz``, ``abs``, ``min``, ``max``.
    ``tf`` is the timeframe the node is evaluated on (None: the base bars; constants: None).
    """

    op: str
    args: tuple[Node, ...]
    attrs: tuple[Any, ...]
    tf: Timeframe | None
    type: str
    lookback: int
    """Rows (of its own timeframe) that are null before the first value can appear, on
    data without gaps."""

    @property
    def is_const(self) -> bool:
        return self.op == "const"

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, each once, children first."""
        seen: set[int] = set()
        stack: list[tuple[Node, bool]] = [(self, False)]
        while stack:
            node, expanded = stack.pop()
            if id(node) in seen:
                continue
            if expanded:
                seen.add(id(node))
                yield node
            else:
                stack.append((node, True))
                stack.extend((a, False) for a in reversed(node.args) if id(a) not in seen)


def finest(frames: list[Timeframe | None]) -> Timeframe | None:
    """The finest timeframe among `frames` (None, the base bars, is the finest)."""
    if any(f is None for f in frames):
        return None
    present = [f for f in frames if f is not None]
    return min(present, key=lambda f: f.approx_ns) if present else None


def bars_in(
    lookback: int, inner: Timeframe | None, outer: Timeframe | None, base: Timeframe | None
) -> int:
    """A lookback of `inner` bars as bars of the finer `outer` timeframe (an estimate:
    ``(L + 1) * k - 1`` with ``k`` bars of `outer` per bar of `inner`)."""
    finer = outer if outer is not None else base
    if inner == outer or inner is None or finer is None:
        return lookback
    ratio = max(1, math.ceil(inner.approx_ns / finer.approx_ns))
    return (lookback + 1) * ratio - 1


class Builder:
    """Interns nodes: building an equal node twice gives the same object."""

    def __init__(self, limit: int) -> None:
        self.nodes: dict[tuple[Any, ...], Node] = {}
        self.limit = limit

    def make(
        self,
        op: str,
        args: tuple[Node, ...],
        attrs: tuple[Any, ...],
        tf: Timeframe | None,
        type_: str,
        lookback: int,
    ) -> Node:
        key = (op, tuple(id(a) for a in args), attrs, tf, type_)
        found = self.nodes.get(key)
        if found is None:
            found = Node(op, args, attrs, tf, type_, lookback)
            self.nodes[key] = found
        return found


def _number(value: float | int | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return repr(float(value))


def unparse(
    node: Node, context: Timeframe | None = None, names: dict[int, str] | None = None
) -> str:
    """Canonical text for `node` that parses back to the same node (operators fully
    bracketed, every parameter by keyword, timeframes written where they change).

    With `names`, nodes below `node` that have a name (a plan's columns) are written by it.
    """
    if node.tf is not None and node.tf != context and not node.is_const and names is None:
        return f"({unparse(node, node.tf)})@{node.tf}"

    def child(a: Node) -> str:
        if names is not None and id(a) in names and not a.is_const:
            return names[id(a)]
        return unparse(a, node.tf, names)

    args = [child(a) for a in node.args]
    op = node.op
    if op == "source":
        return str(node.attrs[0])
    if op == "const":
        text = _number(node.attrs[0])
        return f"({text})" if text.startswith("-") else text
    if op == "field":
        return f"{args[0]}.{node.attrs[0]}"
    if op == "unary":
        return f"({node.attrs[0]} {args[0]})" if node.attrs[0] == "not" else f"(-{args[0]})"
    if op == "binary":
        return f"({args[0]} {node.attrs[0]} {args[1]})"
    if op == "call":
        name, params = node.attrs
        if name == "lag":
            return f"{args[0]}[{params[0][1]}]"
        if name in ("max", "min"):  # the built-ins min/max are elementwise; these roll
            return f"{'highest' if name == 'max' else 'lowest'}({args[0]}, {params[0][1]})"
        parts = args + [f"{k}={_number(v)}" for k, v in params]
        return f"{name}({', '.join(parts)})"
    return f"{op}({', '.join(args)})"


def to_json(outputs: dict[str, Node]) -> dict[str, Any]:
    """The plan as a JSON-serializable document: nodes (children first) and outputs by id."""
    ids: dict[int, int] = {}
    nodes: list[dict[str, Any]] = []
    for root in outputs.values():
        for node in root.walk():
            if id(node) in ids:
                continue
            ids[id(node)] = len(nodes)
            item: dict[str, Any] = {"id": len(nodes), "op": node.op, "type": node.type}
            if node.op == "call":
                item["name"] = node.attrs[0]
                item["params"] = dict(node.attrs[1])
            elif node.op in ("source", "field"):
                item["name"] = node.attrs[0]
            elif node.op == "const":
                item["value"] = node.attrs[0]
            elif node.op in ("unary", "binary"):
                item["operator"] = node.attrs[0]
            if node.args:
                item["args"] = [ids[id(a)] for a in node.args]
            item["timeframe"] = None if node.tf is None else str(node.tf)
            item["lookback"] = node.lookback
            nodes.append(item)
    return {
        "version": 1,
        "nodes": nodes,
        "outputs": {name: ids[id(root)] for name, root in outputs.items()},
    }
