"""Every user-visible string goes through Qt's translator, and the catalogue has them all.

1. An AST scan of ``movizor_desktop/ui/**/*.py``: a string literal (or an f-string with
   words in its literal parts) passed straight to a text setter, a widget constructor or a
   QMessageBox function bypasses ``tr()`` and stays English in the Russian interface.
   Texts without letters (punctuation, digits, symbols), object names and the allowlist
   below pass.
2. Every ``tr()``/``translate()`` source string in the code has an entry in the committed
   ``resources/i18n/movizor_ru.ts`` (the lead regenerates the catalogue with
   ``resources/i18n/update.py`` after new strings land; until then this test names them).
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "movizor_desktop" / "ui"
CATALOGUE = ROOT / "resources" / "i18n" / "movizor_ru.ts"

# Methods whose text arguments the user reads (argument positions to check; None: all).
SETTERS: dict[str, tuple[int, ...] | None] = {
    "setText": (0,),
    "setToolTip": (0,),
    "setStatusTip": (0,),
    "setWhatsThis": (0,),
    "setWindowTitle": (0,),
    "setPlaceholderText": (0,),
    "setTitle": (0,),
    "setLabelText": (0,),
    "setInformativeText": (0,),
    "setDetailedText": (0,),
    "showMessage": (0,),
    "show_message": (0,),
    "setAccessibleName": (0,),
    "setAccessibleDescription": (0,),
    "addAction": (0, 1),
    "addMenu": (0, 1),
    "addTab": (1,),
    "setTabText": (1,),
    "setTabToolTip": (1,),
    "insertTab": (2,),
    "setHeaderLabels": None,
    "setHorizontalHeaderLabels": None,
    "setSpecialValueText": (0,),
    "setSuffix": (0,),
    "setPrefix": (0,),
    "set_text": (0,),
    "addRow": (0,),
    "setButtonText": (1,),
    "addButton": (0,),
    "setItemText": (1,),
    "insertItem": (1,),
}
CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
    "QCommandLinkButton",
}
MESSAGE_BOX = {"information", "warning", "critical", "question", "about"}

# (file relative to ui/, the literal) -> why it may stay untranslated
ALLOWLIST: dict[tuple[str, str], str] = {
    (
        "features/alert_subscriptions/form.py",
        "dispatch@example.ru",
    ): "an example e-mail address as a placeholder: the same in every language",
}

_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)


def _has_words(text: str) -> bool:
    return bool(_LETTERS.search(text))


def _literal_text(node: ast.AST) -> str | None:
    """The user-visible literal text of an argument, or None when it is computed/translated."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        ]
        return "".join(parts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        for side in (node.left, node.right):
            text = _literal_text(side)
            if text is not None and _has_words(text):
                return text
    if isinstance(node, ast.IfExp):
        for side in (node.body, node.orelse):
            text = _literal_text(side)
            if text is not None and _has_words(text):
                return text
    return None


def _arguments(call: ast.Call) -> list[tuple[int, ast.AST]]:
    return list(enumerate(call.args))


def untranslated(path: Path) -> list[tuple[int, str, str]]:
    """(line, call, text) of every literal that bypasses tr() in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        positions: tuple[int, ...] | None
        if name in SETTERS:
            positions = SETTERS[name]
        elif name in CONSTRUCTORS:
            positions = (0,)
        elif (
            name in MESSAGE_BOX
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "QMessageBox"
        ):
            positions = (1, 2)
        else:
            continue
        for index, arg in _arguments(node):
            if positions is not None and index not in positions:
                continue
            values = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
            for value in values:
                text = _literal_text(value)
                if text is None or not _has_words(text):
                    continue
                rel = path.relative_to(UI).as_posix()
                if (rel, text) in ALLOWLIST:
                    continue
                found.append((node.lineno, name, text))
        for keyword in node.keywords:
            if keyword.arg in (
                "text",
                "toolTip",
                "statusTip",
                "windowTitle",
                "title",
                "placeholderText",
            ):
                text = _literal_text(keyword.value)
                if text is not None and _has_words(text):
                    found.append((node.lineno, f"{name}({keyword.arg}=)", text))
    return found


def test_the_scan_catches_a_bypass(tmp_path):
    """The scanner itself: it must flag these and pass the translated forms."""
    sample = UI / "_scan_sample_for_test.py"
    sample.write_text(
        'label = QLabel("Balance")\n'
        'button.setToolTip(f"Request {n} positions")\n'
        'QMessageBox.warning(self, self.tr("Title"), "Plain text")\n'
        'bar.showMessage("Saved " + name)\n'
        'ok = QLabel(self.tr("Balance"))\n'
        'ok.setText(f"{i + 1}. {where}")\n'
        'ok.setText("")\n'
        'ok.setText(translate("Ctx", "Fine"))\n',
        encoding="utf-8",
    )
    try:
        texts = [text for _, _, text in untranslated(sample)]
    finally:
        sample.unlink()
    assert texts == ["Balance", "Request  positions", "Plain text", "Saved "]


def test_no_user_visible_string_bypasses_tr():
    problems = []
    for path in sorted(UI.rglob("*.py")):
        for line, call, text in untranslated(path):
            problems.append(f"{path.relative_to(ROOT)}:{line}: {call}({text!r})")
    assert not problems, "texts not wrapped in tr():\n" + "\n".join(problems)


# --- the catalogue ---------------------------------------------------------------------------

_TR_NAMES = {"tr", "translate"}


def _context_of_class(node: ast.ClassDef) -> str:
    return node.name


def source_strings(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every tr("…") (context: the enclosing class) and
    translate("Context", "…") call with literal arguments in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call):
                func = child.func
                name = (
                    func.attr
                    if isinstance(func, ast.Attribute)
                    else func.id
                    if isinstance(func, ast.Name)
                    else ""
                )
                args = child.args
                if (
                    name == "tr"
                    and cls
                    and args
                    and isinstance(args[0], ast.Constant)
                    and isinstance(args[0].value, str)
                ):
                    found.add((cls, args[0].value))
                elif (
                    name == "translate"
                    and len(args) >= 2
                    and all(
                        isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2]
                    )
                ):
                    found.add((args[0].value, args[1].value))
            visit(child, cls)

    visit(tree, None)
    return found


def catalogue_strings() -> set[tuple[str, str]]:
    root = ET.parse(CATALOGUE).getroot()
    out = set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            if source is not None:
                out.add((name, source))
    return out


def test_source_string_scan_reads_tr_and_translate():
    strings = source_strings(UI / "formatting.py")
    assert ("Formatting", "just now") in strings
    strings = source_strings(UI / "statusbar.py")
    assert ("StatusBar", "Connecting…") in strings


def test_every_tr_string_is_in_the_russian_catalogue():
    """Fails with the list of missing entries until resources/i18n/update.py is run."""
    known = catalogue_strings()
    missing = []
    for path in sorted((ROOT / "movizor_desktop").rglob("*.py")):
        for context, source in sorted(source_strings(path)):
            if (context, source) not in known:
                missing.append(f"{path.relative_to(ROOT)}: [{context}] {source!r}")
    assert not missing, (
        f"{len(missing)} strings are missing from {CATALOGUE.name} "
        "(run resources/i18n/update.py):\n" + "\n".join(missing)
    )
