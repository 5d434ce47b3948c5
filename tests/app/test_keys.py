"""The key contract: every home key, help generated from the registry, escape goes back."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

from glutewake.app.keys import KEYS, SCOPES, Key, keys_for
from glutewake.app.screens.help import HelpScreen
from glutewake.app.screens.history import HistoryScreen
from glutewake.app.screens.home import HomeScreen
from glutewake.app.screens.settings import SettingsScreen
from glutewake.store import Store

from .helpers import flat, make_app, screen_text


async def test_h_opens_history_and_escape_goes_back(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_comma_opens_settings_and_question_mark_opens_help(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_question_mark_twice_opens_help_once(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark", "question_mark")
        assert len(app.screen_stack) == 2


async def test_escape_on_home_stays_home(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running


async def test_q_quits_from_home(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_help_lists_every_key_at_once_at_120_by_40(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        text = flat(screen_text(app))
        for heading in SCOPES.values():
            assert heading in text
        for key in KEYS:
            assert key.tooltip in text, key


async def test_help_reaches_every_key_by_scrolling_at_80_by_24(data_dir: Path, store: Store) -> None:
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        seen = flat(screen_text(app))
        scroll = app.screen.query_one("#help-scroll")
        while scroll.scroll_y < scroll.max_scroll_y:  # a page at a time, as page down does
            scroll.scroll_page_down(animate=False)
            await pilot.pause()
            seen += flat(screen_text(app))
        for key in KEYS:
            assert key.tooltip in seen, key


def declared_classes() -> list[type[DOMNode]]:
    """Every screen and widget class of the app (each of its modules imported)."""
    import glutewake.app

    for module in pkgutil.walk_packages(glutewake.app.__path__, "glutewake.app."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    todo: list[type[DOMNode]] = [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("glutewake."):
            found.append(cls)
    return found


def test_every_binding_of_every_screen_and_widget_comes_from_the_registry() -> None:
    registry = {key.id: key for key in KEYS}
    classes = declared_classes()
    assert {"HomeScreen", "FinishedScreen", "SymptomCheckScreen", "YesNo", "LogForm"} <= {
        cls.__name__ for cls in classes
    }
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            assert isinstance(binding, Binding), (cls, binding)
            key = registry.get(binding.id or "")
            assert key is not None and key.binding() == binding, (cls, binding)


def test_no_binding_is_made_outside_the_registry() -> None:
    source = Path(importlib.import_module("glutewake").__file__ or "").parent
    maker = Path(inspect.getsourcefile(Key) or "")  # `Key.binding`, the one place
    for path in source.rglob("*.py"):
        if path != maker:
            assert "Binding(" not in path.read_text(encoding="utf-8"), path


def stray_keys(source: str) -> list[str]:
    """Keys handled without the registry: a `key_…` handler method, or a function that looks
    at which key a `Key` event was (its `.key`, `.character`, …) instead of `typed_digit`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            found += [
                f"{node.name}.{item.name}"
                for item in node.body
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and item.name.startswith("key_")
            ]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            events = {
                arg.arg
                for arg in node.args.args
                if arg.annotation is not None and ast.unparse(arg.annotation).split(".")[-1] == "Key"
            }
            found += [
                f"{node.name}: {ast.unparse(inner)}"
                for inner in ast.walk(node)
                if isinstance(inner, ast.Attribute)
                and isinstance(inner.value, ast.Name)
                and inner.value.id in events
                and inner.attr in ("key", "character", "name", "aliases", "is_printable")
            ]
    return found


def test_no_key_is_handled_outside_the_registry() -> None:
    source = Path(importlib.import_module("glutewake.app").__file__ or "").parent
    registry = source / "keys"
    for path in source.rglob("*.py"):
        if registry not in path.parents:
            assert stray_keys(path.read_text(encoding="utf-8")) == [], path


def test_a_stray_key_handler_is_caught() -> None:
    stray = (
        "class Question:\n"
        "    def key_y(self) -> None: ...\n"
        "    def on_key(self, event: events.Key) -> None:\n"
        "        self.dismiss(event.key == 'y')\n"
    )
    assert stray_keys(stray) == ["Question.key_y", "on_key: event.key"]


def test_every_registered_key_is_bound_somewhere_or_only_shown() -> None:
    bound = {binding.id for cls in declared_classes() for binding in cls.__dict__.get("BINDINGS", [])}
    for key in KEYS:
        assert (key.id in bound) == key.bound, key


def test_every_binding_has_description_tooltip_and_id() -> None:
    for key in KEYS:
        binding = key.binding()
        assert binding.description and binding.tooltip and binding.id


def test_home_keys_are_the_contract() -> None:
    shown = [key.shown_key for key in keys_for("home")]
    assert shown == ["s", "r", "c", "h", "p", ",", "q"]
    assert [key.shown_key for key in keys_for("everywhere")] == ["?", "ctrl+p"]


def test_every_tooltip_fits_one_help_line_at_80_columns() -> None:
    assert all(len(key.tooltip) <= 29 for key in KEYS)


async def test_a_question_clears_notices_that_would_cover_it(tmp_path: Path) -> None:
    from glutewake.app.screens.confirm import ConfirmScreen

    from .helpers import acknowledge

    acknowledge(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("an old notice")
        await pilot.pause()
        assert app._notifications
        app.push_screen(ConfirmScreen("Sure?", "Because.", yes="do it", no="keep"))
        await pilot.pause()
        assert not app._notifications
