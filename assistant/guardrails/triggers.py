"""Which rules could match at all: a cheap look at the text before any pattern runs.

Most rules start at a word boundary with a word they cannot do without ("\\bsorry…",
"\\b(?:if you|had you)…"). Reading those first letters from the pattern's own source lets a
check skip every rule whose first word is nowhere in the text: on a 1,000-character draft
most rules never need to scan at all.

The reading is conservative: any branch it cannot read for sure (no leading \\b, a class, a
group it does not understand) makes the rule run always. tests/test_guardrail_triggers.py
checks that rules give the same hits with and without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The first letters compared; long enough to tell words apart, short enough to stay cheap.
WIDTH = 4
_META = set("\\()[]{}?*+.|^$ ")
_WORD_START = re.compile(r"\b\w")


def _split_top(source: str) -> list[str] | None:
    """Split `source` at the `|` that sit at depth 0; None when brackets do not balance."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return None
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    if depth != 0 or in_class:
        return None
    parts.append(source[start:])
    return parts


def _group_end(source: str, start: int) -> int | None:
    """Index just after the group opening at `start`, or None."""
    depth, i, in_class = 0, start, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _literal(source: str) -> str:
    """The plain letters a branch starts with; a letter made optional by a quantifier is dropped."""
    out = []
    for i, char in enumerate(source):
        if char in _META:
            if char in "?*" or source[i : i + 2] == "{0":
                out = out[:-1]
            break
        out.append(char)
    return "".join(out)


def _starts(branch: str, bounded: bool) -> set[str] | None:
    """Possible first letters of a match of `branch`; None when they cannot be read."""
    while True:
        if branch.startswith("\\b"):
            branch, bounded = branch[2:], True
        elif branch.startswith(("(?<!", "(?<=")):
            end = _group_end(branch, 0)
            if end is None:
                return None
            branch = branch[end:]
        else:
            break
    if not bounded:
        return None
    if branch.startswith(("(?:", "(?P<")) or (branch.startswith("(") and not branch.startswith("(?")):
        end = _group_end(branch, 0)
        if end is None or branch[end : end + 1] in ("?", "*", "{"):
            return None  # an optional group: the match may start after it
        opened = 3 if branch.startswith("(?:") else branch.index(">") + 1 if branch.startswith("(?P<") else 1
        alternatives = _split_top(branch[opened : end - 1])
        if alternatives is None:
            return None
        found: set[str] = set()
        for alternative in alternatives:
            # "(?:a|b)c": an alternative that is empty or ends early continues into what follows.
            head = _starts(alternative, True)
            if head is None or "" in head:
                return None
            found |= head
        return found
    word = _literal(branch)
    if not word or not word[0].isalnum():
        return None
    return {word[:WIDTH]}


def triggers(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The first letters any match of `pattern` must start with, or None for "always run"."""
    if pattern.flags & re.IGNORECASE:
        return None
    branches = _split_top(pattern.pattern)
    if branches is None:
        return None
    found: set[str] = set()
    for branch in branches:
        head = _starts(branch, False)
        if head is None:
            return None
        found |= head
    return frozenset(found)


def word_starts(norm: str) -> dict[str, list[int]]:
    """Where each run of 1 to WIDTH characters begins a word: {"sorr": [12, 80], …}."""
    index: dict[str, list[int]] = {}
    for match in _WORD_START.finditer(norm):
        start = match.start()
        window = norm[start : start + WIDTH]
        for k in range(1, len(window) + 1):
            index.setdefault(window[:k], []).append(start)
    return index


def candidates(rule_triggers: frozenset[str], index: dict[str, list[int]]) -> list[int]:
    """The positions where a match of a rule with these first letters could start, in order."""
    found: set[int] = set()
    for trigger in rule_triggers:
        found.update(index.get(trigger, ()))
    return sorted(found)


def matches(
    pattern: re.Pattern[str], norm: str, rule_triggers: frozenset[str] | None, index: dict[str, list[int]]
) -> Iterator[re.Match[str]]:
    """The same matches as `pattern.finditer(norm)`, trying only where one could start.

    `match(norm, pos)` still sees the text before `pos`, so \b and look-behinds read as
    they do in a scan; skipping positions inside the last match keeps finditer's
    non-overlapping order.
    """
    if rule_triggers is None:
        yield from pattern.finditer(norm)
        return
    resume = 0
    for pos in candidates(rule_triggers, index):
        if pos < resume:
            continue
        found = pattern.match(norm, pos)
        if found is not None:
            yield found
            resume = max(found.end(), pos + 1)
