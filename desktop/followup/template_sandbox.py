"""A Jinja2 sandbox that bounds the work and the memory one render may take.

User templates are untrusted input. Jinja's own sandbox stops attribute tricks but not work:
two nested loops, ``9**9999999`` or ``'x'*10**12`` would hang the GUI thread or exhaust
memory. Here every loop iteration, call, filter and arithmetic operator counts against a
budget of steps and a deadline, and sizes are checked *before* a big value is built, so a
hostile template ends with a plain message instead.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import ImmutableSandboxedEnvironment

from followup.errors import InvalidInput

_LOOP_GUARD = "__followup_loop_guard__"
# Filters and string methods whose number arguments are the size of what they build.
_SIZING_FILTERS = frozenset({"center", "indent", "wordwrap", "slice"})
_SIZING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})
# A width or precision in a %-format or a {}-format spec ("%9999999999s", "{:>99999999}").
_PERCENT_WIDTH = re.compile(r"%[-#0 +]*(\d+)(?:\.(\d+))?")
_BRACE_WIDTH = re.compile(r"\{[^{}]*:[^{}\d]*(\d+)(?:\.(\d+))?")


@dataclass(frozen=True, slots=True)
class RenderLimits:
    """How much one render (body and subject together) may do; generous for any letter."""

    seconds: float = 2.0
    steps: int = 200_000  # loop iterations, calls, filters and operators
    chars: int = 200_000  # the longest string or list a template may build, and the output
    int_bits: int = 4_096  # the largest number (about 1,200 digits)


class RenderLimit(InvalidInput):
    """A template asked for more work or memory than a letter can need."""


class _GuardedLoops(CodeGenerator):
    """Compiles every ``{% for %}`` so its iterable passes through the loop guard."""

    def visit_Template(  # noqa: N802  (Jinja's visitor names the method)
        self, node: nodes.Template, frame: Frame | None = None
    ) -> None:
        for loop in node.find_all(nodes.For):
            loop.iter = nodes.Filter(
                loop.iter, _LOOP_GUARD, [], [], None, None, lineno=loop.iter.lineno
            )
        super().visit_Template(node, frame)


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox with a step budget, a deadline and size checks."""

    code_generator_class = _GuardedLoops
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(
        self,
        limits: RenderLimits = RenderLimits(),
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        super().__init__(**options)
        self.limits = limits
        self._clock = clock
        self._deadline = clock() + limits.seconds
        self._steps = 0
        self.filters = {name: self._bounded_filter(name, f) for name, f in self.filters.items()}
        self.filters[_LOOP_GUARD] = self._loop_guard

    # -- the budget -----------------------------------------------------------------------

    def step(self) -> None:
        """Count one unit of work; stop the render when the budget or the time is spent."""
        self._steps += 1
        if self._steps > self.limits.steps:
            raise RenderLimit(
                f"it does more than {self.limits.steps:,} steps (loops, calls and sums);"
                " a letter needs far fewer"
            )
        if self._clock() > self._deadline:
            raise RenderLimit(f"it took longer than {self.limits.seconds:g} seconds to fill in")

    def _loop_guard(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.step()
            yield item

    # -- sizes ----------------------------------------------------------------------------

    def _check_size(self, value: Any) -> Any:
        if isinstance(value, str | bytes | list | tuple) and len(value) > self.limits.chars:
            raise self._too_big("text")
        if isinstance(value, int) and value.bit_length() > self.limits.int_bits:
            raise self._too_big("number")
        return value

    def _check_count(self, count: Any) -> None:
        """A repeat count, width or padding must not ask for more than ``chars``."""
        if isinstance(count, int) and not isinstance(count, bool) and count > self.limits.chars:
            raise RenderLimit(
                f"it asks for a size of {count:,}; the limit is {self.limits.chars:,}"
            )

    def _check_format(self, spec: Any) -> None:
        if isinstance(spec, str):
            for pattern in (_PERCENT_WIDTH, _BRACE_WIDTH):
                for match in pattern.finditer(spec):
                    for digits in match.groups():
                        if digits is not None:
                            self._check_count(int(digits[:12]))

    def _too_big(self, what: str) -> RenderLimit:
        if what == "number":
            return RenderLimit("it computes a number too large for a letter")
        if what == "repeat":
            return RenderLimit(
                f"it repeats a text or list to more than {self.limits.chars:,} items"
            )
        return RenderLimit(f"it builds a text or list longer than {self.limits.chars:,}")

    def _check_operands(self, operator: str, left: Any, right: Any) -> None:
        """Refuse an operation whose result would be too big, before it is computed."""
        sequence = (str, bytes, list, tuple)
        bits = self.limits.int_bits
        both_int = isinstance(left, int) and isinstance(right, int)
        if operator == "**" and both_int and right > 0 and abs(left) > 1:
            if abs(left).bit_length() * right > bits:
                raise self._too_big("number")
        elif operator == "*" and both_int:
            if left.bit_length() + right.bit_length() > bits:
                raise self._too_big("number")
        elif operator == "*":
            for seq, count in ((left, right), (right, left)):
                counted = isinstance(seq, sequence) and isinstance(count, int)
                if counted and len(seq) * count > self.limits.chars:
                    raise self._too_big("repeat")
        elif operator == "+" and isinstance(left, sequence) and isinstance(right, sequence):
            if len(left) + len(right) > self.limits.chars:
                raise self._too_big("text")
        elif operator == "%":
            self._check_format(left)

    # -- the sandbox's hooks --------------------------------------------------------------

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.step()
        self._check_operands(operator, left, right)
        return self._check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.step()
        name = getattr(__obj, "__name__", "")
        # the sandbox hands out str.format wrapped; the string is on the wrapped method
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if isinstance(owner, str):
            if name in _SIZING_METHODS:
                for value in (*args, *kwargs.values()):
                    __self._check_count(value)
            if name in {"format", "format_map"}:
                __self._check_format(owner)
            if name == "replace":
                __self._check_replace(owner, args)
        return __self._check_size(super().call(__context, __obj, *args, **kwargs))

    def _check_replace(self, text: Any, args: tuple[Any, ...]) -> None:
        old, new = (*args, None, None)[:2]
        if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
            hits = text.count(old) if old else len(text) + 1
            if len(text) + hits * max(0, len(new) - len(old)) > self.limits.chars:
                raise self._too_big("text")

    def _bounded_filter(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """The filter with each call counted and its widths, counts and result checked."""

        @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.step()
            plain = [a for a in args if not hasattr(a, "environment") and a is not self]
            if name in _SIZING_FILTERS:  # the filtered value itself (plain[0]) may be big
                for value in (*plain[1:], *kwargs.values()):
                    self._check_count(value)
            if name == "format" and plain:
                self._check_format(plain[0])
            if name == "replace" and plain:
                self._check_replace(str(plain[0]), tuple(plain[1:3]))
            return self._check_size(function(*args, **kwargs))

        return bounded


def bounded_output(chunks: Iterable[str], limits: RenderLimits) -> str:
    """Join a render's output, stopping as soon as it is longer than any letter could be."""
    out: list[str] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limits.chars:
            raise RenderLimit(f"it writes more than {limits.chars:,} characters")
        out.append(chunk)
    return "".join(out)
