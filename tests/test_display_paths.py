"""There is one path from a stranger's text to the screen: the safe-display helper.

A static check over the faces' source: in `reader/ui/`, untrusted fields (titles, authors,
messages, article text…) reach a widget, a Rich `Text` or a notification only wrapped in
`display.plain(...)`; nothing interprets markup or ANSI; and in the CLI every line printed goes
through `_out`/`_err`, which sanitise. The behavioural side (hostile feeds on screen and on stdout)
is in test_tui.py, test_cli.py and test_hostile.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import reader

PACKAGE = Path(reader.__file__).parent
UI_FILES = sorted((PACKAGE / "ui").rglob("*.py"))
# Fields of our models that hold text from the web.
UNTRUSTED = {
    "title",
    "author",
    "summary",
    "message",
    "feed_title",
    "display_title",
    "site_name",
    "description",
    "last_error",
    "problem",
    "text",
    "link",
    "url",
    "canonical_url",
}
SINKS = {
    "Text",
    "Content",
    "Label",
    "Static",
    "notify",
    "update",
    "Option",
    "add_row",
    "append",
    "Paragraph",
    "append_text",
    "Strip",
    "Segment",
}
# Calls that don't put their argument's text on screen (or make it safe), and attributes that
# are not text (a Text's style, its width).
SAFE_WRAPPERS = {"plain", "len", "bool", "is_web_url", "when", "long_date", "get"}
NOT_TEXT = {"style", "cell_len"}
FORBIDDEN_CALLS = {"from_markup", "from_ansi", "render_markup", "Markdown", "RichLog", "Log"}


def _name(func: ast.expr) -> str:
    return (
        func.attr
        if isinstance(func, ast.Attribute)
        else func.id
        if isinstance(func, ast.Name)
        else ""
    )


def _unwrapped_untrusted(node: ast.AST) -> list[str]:
    """Untrusted attribute reads inside `node` that are not inside a plain(...) call."""
    found: list[str] = []

    def visit(n: ast.AST) -> None:
        if isinstance(n, ast.Call) and _name(n.func) in SAFE_WRAPPERS:
            return
        if isinstance(n, ast.Attribute) and n.attr in NOT_TEXT:
            return
        if isinstance(n, ast.Attribute) and n.attr in UNTRUSTED:
            found.append(ast.unparse(n))
            return
        for child in ast.iter_child_nodes(n):
            visit(child)

    visit(node)
    return found


def test_ui_shows_untrusted_text_only_through_the_display_helper() -> None:
    problems = []
    for path in UI_FILES:
        if path.name == "display.py":
            continue
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.endswith("safe"):
                problems.append(
                    f"{path.name}:{node.lineno} imports reader.safe (use display.plain)"
                )
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if name in FORBIDDEN_CALLS:
                problems.append(f"{path.name}:{node.lineno} calls {name}, which interprets markup")
            for kw in node.keywords:
                if kw.arg == "markup" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    problems.append(f"{path.name}:{node.lineno} turns markup on")
            if name in SINKS:
                for arg in [*node.args, *(kw.value for kw in node.keywords)]:
                    for leak in _unwrapped_untrusted(arg):
                        problems.append(
                            f"{path.name}:{node.lineno} passes {leak} to {name} unwrapped"
                        )
    assert not problems, "\n".join(problems)


def test_display_helper_sanitises() -> None:
    source = (PACKAGE / "ui" / "display.py").read_text()
    assert "safe_line" in source and "safe_text" in source


def test_cli_prints_only_through_sanitising_helpers() -> None:
    printers = {"out", "err"}
    modules = sorted((PACKAGE / "cli").glob("*.py"))
    assert len(modules) > 1, "the CLI's modules moved: point this test at them"
    seen: set[str] = set()
    for path in modules:
        tree = ast.parse(path.read_text())
        for func in ast.walk(tree):
            if not isinstance(func, ast.FunctionDef):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.Call) and (
                    _name(node.func) == "print"
                    or (_name(node.func) == "write" and "std" in ast.unparse(node.func))
                ):
                    where = f"cli/{path.name}:{node.lineno}"
                    assert func.name in printers, f"{where}: {func.name} prints directly"
            if func.name in printers:
                seen.add(func.name)
                assert "safe_" in ast.unparse(func), f"{func.name} must sanitise what it prints"
    assert seen == printers
