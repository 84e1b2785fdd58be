"""`DslError`: every problem with a strategy text, with a code, the span and a hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Every error code, with what it means. The README's error table and the tests read this.
CODES: dict[str, str] = {
    # Reading the text.
    "E_CHAR": "a character that is not part of the language",
    "E_NUMBER": "a malformed number",
    "E_TIMEFRAME": "a malformed timeframe after '@'",
    "E_SYNTAX": "a token where it cannot stand",
    "E_END": "the text ends in the middle of an expression",
    "E_UNCLOSED": "an opening bracket without its closing one",
    "E_CHAIN": "comparisons written in a chain (a < b < c)",
    "E_HISTORY": "a history offset that is not a non-negative integer literal",
    "E_KEYWORD": "a positional argument after a keyword argument, or a keyword given twice",
    "E_EMPTY": "an empty program or output",
    # Hard limits.
    "E_TOO_LONG": "the text is longer than the limit",
    "E_TOO_MANY_TOKENS": "more tokens than the limit",
    "E_TOO_DEEP": "expressions nested deeper than the limit",
    "E_TOO_MANY_NODES": "more distinct operations than the limit",
    "E_HISTORY_LIMIT": "a history offset beyond the limit",
    "E_TOO_MANY_TIMEFRAMES": "more distinct timeframes than the limit",
    # Meaning.
    "E_UNKNOWN_NAME": "a name that is no source, column, output or moving-average type",
    "E_UNKNOWN_FUNCTION": "a call of something that is no indicator or built-in",
    "E_ARGUMENTS": "too many or too few arguments",
    "E_UNKNOWN_PARAMETER": "a keyword that the function does not take",
    "E_PARAMETER": "a parameter value of the wrong kind (a series, a fraction for a period)",
    "E_RANGE": "a parameter value outside the catalog's range",
    "E_TYPE": "a boolean where a number is needed, or the other way round",
    "E_OUTPUT_REQUIRED": "a multi-output indicator used without choosing an output",
    "E_UNKNOWN_OUTPUT": "an output the indicator does not have",
    "E_NOT_MULTI": "an output chosen from something with a single value",
    "E_CYCLE": "outputs that refer to each other in a circle",
    "E_PLACEHOLDER": "a $placeholder without a value in the grid, or a grid key never used",
    "E_NAME": "an output name that is not an identifier or hides a source",
    "E_CONSTANT": "a constant expression with no value (division by zero)",
    "E_TIMEFRAME_ORDER": "a finer timeframe inside a coarser one, or one finer than the base bars",
    "E_OPTIONS": "compile options that do not fit the program (e.g. @tf without ts= or base=)",
    "E_COLUMN": "a column the frame lacks or whose type cannot be used",
}


class DslError(ValueError):
    """A problem with a strategy text.

    Attributes
    ----------
    code
        A stable code (``"E_UNKNOWN_OUTPUT"``); ``ta.dsl.CODES`` lists them all.
    message
        What is wrong, in the program's terms.
    hint
        What to do instead, or ``None``.
    span
        ``(start, end)`` character offsets into ``source`` (end exclusive), or ``None``.
    source
        The text the span points into.
    output
        The named output the text belongs to (for a dict of outputs), or ``None``.
    """

    def __init__(
        self,
        code: str,
        message: str,
        span: tuple[int, int] | None = None,
        *,
        hint: str | None = None,
        source: str = "",
        output: str | None = None,
    ) -> None:
        assert code in CODES, code
        self.code = code
        self.message = message
        self.hint = hint
        self.span = span
        self.source = source
        self.output = output
        super().__init__(self.render())

    def located(self, source: str, output: str | None) -> DslError:
        """The same error, pointing into `source` (the text of output `output`)."""
        return DslError(
            self.code,
            self.message,
            self.span,
            hint=self.hint,
            source=source,
            output=self.output if self.output is not None else output,
        )

    @property
    def line(self) -> int | None:
        """1-based line of the span's start."""
        if self.span is None:
            return None
        return self.source.count("\n", 0, self.span[0]) + 1

    @property
    def column(self) -> int | None:
        """1-based column of the span's start."""
        if self.span is None:
            return None
        return self.span[0] - (self.source.rfind("\n", 0, self.span[0]) + 1) + 1

    def render(self) -> str:
        """The message, the source line with a caret under the span, and the hint."""
        where = ""
        if self.output is not None:
            where += f" in output '{self.output}'"
        if self.span is not None and self.source:
            where += f" at line {self.line}, column {self.column}"
        lines = [f"[{self.code}]{where}: {self.message}"]
        if self.span is not None and self.source:
            start, end = self.span
            line_start = self.source.rfind("\n", 0, start) + 1
            line_end = self.source.find("\n", start)
            line_end = len(self.source) if line_end < 0 else line_end
            text = self.source[line_start:line_end]
            # Long lines are cut around the span so the caret stays readable.
            offset = 0
            if len(text) > 100:
                offset = max(0, start - line_start - 40)
                text = ("…" if offset else "") + text[offset : offset + 100]
                offset -= 1 if offset else 0
            pad = start - line_start - offset
            width = max(1, min(end, line_end) - start)
            lines.append("    " + text)
            lines.append("    " + " " * pad + "^" * min(width, max(1, len(text) - pad)))
        if self.hint:
            lines.append(f"hint: {self.hint}")
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.code, self.message, self.span, self.hint, self.source, self.output))


def _rebuild(
    code: str,
    message: str,
    span: tuple[int, int] | None,
    hint: str | None,
    source: str,
    output: str | None,
) -> DslError:
    return DslError(code, message, span, hint=hint, source=source, output=output)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """A hint naming the closest choices, or None when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.6)
    if not close:
        return None
    return "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
