"""Reading a strategy text: tokens, then a syntax tree (a hand-written Pratt parser).

Operator order, loosest first (TradingView Pine's): ``or`` < ``and`` < ``not`` < comparisons
(which do not chain) < ``+ -`` < ``* / %`` < unary ``- +`` < ``**`` (right to left) < postfix
(call, ``.output``, ``[n]`` history, ``@tf`` timeframe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from laakhay.ta.dsl.errors import DslError

MAX_LENGTH = 10_000
"""Characters in one text."""
MAX_TOKENS = 2_000
"""Tokens in one text."""
MAX_DEPTH = 64
"""Nesting of expressions (brackets, calls, operators)."""

Span = tuple[int, int]


@dataclass(frozen=True)
class Token:
    kind: str  # "num", "name", "placeholder", "timeframe", "op", "end"
    text: str
    start: int
    end: int

    @property
    def span(self) -> Span:
        return (self.start, self.end)


_NUMBER = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_TIMEFRAME = re.compile(r"[0-9A-Za-z]+")
_OPERATORS: tuple[str, ...] = ("**", "<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "%")
_OPERATORS += ("(", ")", "[", "]", ",", ".", "@", "=")
_DIGITS = frozenset("0123456789")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
KEYWORDS = frozenset({"and", "or", "not", "true", "false"})


def tokenize(text: str) -> list[Token]:
    """The tokens of `text`, ending with an ``end`` token."""
    if len(text) > MAX_LENGTH:
        raise DslError(
            "E_TOO_LONG",
            f"the text has {len(text)} characters; the limit is {MAX_LENGTH}",
            (MAX_LENGTH, len(text)),
            hint="split it into named outputs that refer to each other",
        )
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
            continue
        if c == "#":  # a comment runs to the end of the line
            newline = text.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if c in _DIGITS or (c == "." and i + 1 < n and text[i + 1] in _DIGITS):
            m = _NUMBER.match(text, i)
            assert m is not None
            end = m.end()
            if end < n and (text[end] in _LETTERS or text[end] == "_"):
                tail = _NAME.match(text, end)
                stop = tail.end() if tail else end + 1
                raise DslError(
                    "E_NUMBER",
                    f"'{text[i:stop]}' is not a number",
                    (i, stop),
                    hint="timeframes follow '@', as in close@1h",
                )
            tokens.append(Token("num", m.group(), i, end))
            i = end
        elif c in _LETTERS or c == "_":
            m = _NAME.match(text, i)
            assert m is not None
            tokens.append(Token("name", m.group(), i, m.end()))
            i = m.end()
        elif c == "$":
            m = _NAME.match(text, i + 1)
            if m is None:
                raise DslError(
                    "E_CHAR",
                    "'$' must be followed by a placeholder name",
                    (i, i + 1),
                    hint="write $fast and give grid={'fast': [...]} to ta.compile",
                )
            tokens.append(Token("placeholder", m.group(), i, m.end()))
            i = m.end()
        elif c == "@":
            tokens.append(Token("op", "@", i, i + 1))
            m = _TIMEFRAME.match(text, i + 1)
            if m is None:
                raise DslError(
                    "E_TIMEFRAME",
                    "'@' must be followed by a timeframe",
                    (i, i + 1),
                    hint="as in close@1h, close@15m or close@1d",
                )
            tokens.append(Token("timeframe", m.group(), m.start(), m.end()))
            i = m.end()
        else:
            op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
            if op is None:
                hint = None
                if c in "&|":
                    hint = "write 'and' / 'or'"
                elif c == "!":
                    hint = "write 'not'"
                elif c in "'\"":
                    hint = "the language has no strings; moving-average types are names (ema)"
                raise DslError("E_CHAR", f"unexpected character {c!r}", (i, i + 1), hint=hint)
            tokens.append(Token("op", op, i, i + len(op)))
            i += len(op)
        if len(tokens) > MAX_TOKENS:
            raise DslError(
                "E_TOO_MANY_TOKENS",
                f"more than {MAX_TOKENS} tokens",
                tokens[-1].span,
                hint="split it into named outputs that refer to each other",
            )
    tokens.append(Token("end", "", n, n))
    return tokens


# Syntax tree. Every node has the span of the text it was read from.


@dataclass(frozen=True)
class Num:
    value: int | float
    span: Span


@dataclass(frozen=True)
class Bool:
    value: bool
    span: Span


@dataclass(frozen=True)
class Name:
    id: str
    span: Span


@dataclass(frozen=True)
class Placeholder:
    id: str
    span: Span


@dataclass(frozen=True)
class Arg:
    keyword: str | None
    value: Expr
    keyword_span: Span | None


@dataclass(frozen=True)
class Call:
    func: str
    func_span: Span
    args: tuple[Arg, ...]
    span: Span


@dataclass(frozen=True)
class Field:
    value: Expr
    name: str
    name_span: Span
    span: Span


@dataclass(frozen=True)
class History:
    value: Expr
    offset: int
    offset_span: Span
    span: Span


@dataclass(frozen=True)
class At:
    value: Expr
    timeframe: str
    timeframe_span: Span
    span: Span


@dataclass(frozen=True)
class Unary:
    op: str  # "-", "+", "not"
    value: Expr
    span: Span


@dataclass(frozen=True)
class Binary:
    op: str  # arithmetic, comparison, "and", "or"
    left: Expr
    right: Expr
    op_span: Span
    span: Span = field(default=(0, 0))


Expr = Num | Bool | Name | Placeholder | Call | Field | History | At | Unary | Binary

# Binding powers of infix operators.
_INFIX = {
    "or": 1,
    "and": 2,
    "<": 4,
    "<=": 4,
    ">": 4,
    ">=": 4,
    "==": 4,
    "!=": 4,
    "+": 5,
    "-": 5,
    "*": 6,
    "/": 6,
    "%": 6,
    "**": 8,
}
_COMPARISONS = frozenset({"<", "<=", ">", ">=", "==", "!="})
_NOT_OPERAND = 4  # `not` takes comparisons: `not a < b` is `not (a < b)`
_UNARY_OPERAND = 7  # `-` takes `**`: `-x**2` is `-(x**2)`


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def next(self) -> Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def at(self, text: str) -> bool:
        t = self.peek()
        return t.text == text and t.kind in ("op", "name")

    def expect(self, text: str, opened: Token | None = None) -> Token:
        t = self.peek()
        if t.text == text and t.kind == "op":
            return self.next()
        if opened is not None and t.kind == "end":
            raise DslError(
                "E_UNCLOSED",
                f"'{opened.text}' is never closed",
                opened.span,
                hint=f"add '{text}'",
            )
        raise self.unexpected(t, f"expected '{text}'")

    def unexpected(self, t: Token, wanted: str) -> DslError:
        if t.kind == "end":
            return DslError("E_END", f"the text ends too early: {wanted}", (t.start, t.start + 1))
        shown = t.text
        return DslError("E_SYNTAX", f"unexpected '{shown}': {wanted}", t.span)

    def enter(self, t: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise DslError(
                "E_TOO_DEEP",
                f"expressions nest deeper than {MAX_DEPTH} levels",
                t.span,
                hint="name the inner parts as outputs that refer to each other",
            )

    def program(self) -> Expr:
        if self.peek().kind == "end":
            raise DslError("E_EMPTY", "the program is empty", None)
        expr = self.expression(0)
        t = self.peek()
        if t.kind != "end":
            if t.text == ")":
                raise DslError("E_SYNTAX", "unmatched ')'", t.span)
            raise self.unexpected(t, "expected an operator or the end of the text")
        return expr

    def expression(self, min_power: int) -> Expr:
        start = self.peek()
        self.enter(start)
        left = self.prefix()
        while True:
            t = self.peek()
            op = t.text if t.kind in ("op", "name") else None
            power = _INFIX.get(op) if op is not None else None
            if power is None or power < min_power:
                break
            self.next()
            # `**` is right-associative: its right side may hold another `**`.
            right = self.expression(power if op == "**" else power + 1)
            assert op is not None
            left = Binary(op, left, right, t.span, (_start(left), _end(right)))
            if op in _COMPARISONS:
                follow = self.peek()
                if follow.text in _COMPARISONS and follow.kind == "op":
                    raise DslError(
                        "E_CHAIN",
                        "comparisons do not chain",
                        (_start(left), follow.end),
                        hint="write 'a < b and b < c'",
                    )
        self.depth -= 1
        return left

    def prefix(self) -> Expr:
        t = self.next()
        if t.kind == "num":
            value: int | float = int(t.text) if t.text.isdigit() else float(t.text)
            return self.postfix(Num(value, t.span))
        if t.kind == "placeholder":
            return self.postfix(Placeholder(t.text, t.span))
        if t.kind == "name":
            if t.text in ("true", "false"):
                return self.postfix(Bool(t.text == "true", t.span))
            if t.text == "not":
                operand = self.expression(_NOT_OPERAND)
                return Unary("not", operand, (t.start, _end(operand)))
            if t.text in KEYWORDS:
                raise self.unexpected(t, "expected a value")
            if self.at("("):
                return self.postfix(self.call(t))
            return self.postfix(Name(t.text, t.span))
        if t.kind == "op" and t.text in ("-", "+"):
            operand = self.expression(_UNARY_OPERAND)
            return Unary(t.text, operand, (t.start, _end(operand)))
        if t.kind == "op" and t.text == "(":
            inner = self.expression(0)
            self.expect(")", t)
            return self.postfix(_respan(inner, (t.start, self.tokens[self.pos - 1].end)))
        if t.kind == "op" and t.text == "=":
            raise DslError("E_SYNTAX", "'=' only names a keyword argument", t.span, hint="use '=='")
        self.pos -= 1
        raise self.unexpected(t, "expected a value")

    def call(self, name: Token) -> Call:
        opened = self.expect("(")
        args: list[Arg] = []
        keywords: set[str] = set()
        while not self.at(")"):
            if self.peek().kind == "end":
                raise DslError(
                    "E_UNCLOSED",
                    f"'(' of {name.text}( is never closed",
                    opened.span,
                    hint="add ')'",
                )
            t = self.peek()
            if t.kind == "name" and self.tokens[self.pos + 1].text == "=":
                self.next()
                self.next()
                if t.text in keywords:
                    raise DslError("E_KEYWORD", f"keyword '{t.text}' given twice", t.span)
                keywords.add(t.text)
                args.append(Arg(t.text, self.expression(0), t.span))
            else:
                value = self.expression(0)
                if keywords:
                    raise DslError(
                        "E_KEYWORD",
                        "a positional argument after a keyword argument",
                        (_start(value), _end(value)),
                    )
                args.append(Arg(None, value, None))
            if not self.at(")"):
                if self.peek().kind == "end":
                    raise DslError(
                        "E_UNCLOSED",
                        f"'(' of {name.text}( is never closed",
                        opened.span,
                        hint="add ')'",
                    )
                self.expect(",")
        close = self.next()
        return Call(name.text, name.span, tuple(args), (name.start, close.end))

    def postfix(self, value: Expr) -> Expr:
        while True:
            t = self.peek()
            if t.kind != "op":
                return value
            if t.text == ".":
                self.next()
                name = self.next()
                if name.kind != "name":
                    raise self.unexpected(name, "expected an output name after '.'")
                value = Field(value, name.text, name.span, (_start(value), name.end))
            elif t.text == "[":
                self.next()
                offset = self.next()
                if offset.kind != "num" or not offset.text.isdigit():
                    stop = offset.end
                    if offset.kind == "end":
                        raise DslError("E_UNCLOSED", "'[' is never closed", t.span, hint="add ']'")
                    raise DslError(
                        "E_HISTORY",
                        f"a history offset must be a non-negative whole number, got "
                        f"'{offset.text}'",
                        (offset.start, stop),
                        hint="write x[1] for the previous bar",
                    )
                close = self.expect("]", t)
                value = History(value, int(offset.text), offset.span, (_start(value), close.end))
            elif t.text == "@":
                self.next()
                frame = self.next()
                assert frame.kind == "timeframe"
                value = At(value, frame.text, frame.span, (_start(value), frame.end))
            else:
                return value


def _start(e: Expr) -> int:
    return e.span[0]


def _end(e: Expr) -> int:
    return e.span[1]


def _respan(e: Expr, span: Span) -> Expr:
    """`e` with the span of its brackets, so errors about it underline them too."""
    return type(e)(**{**e.__dict__, "span": span})


def parse(text: str) -> Expr:
    """The syntax tree of one expression; `DslError` for anything else."""
    return _Parser(text).program()
