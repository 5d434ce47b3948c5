"""The command palette (ctrl+p): every action of the key registry, found by name.

It offers the app's commands everywhere, and the keys of the screen it was opened over
(the player's pause, history's rest day, …), run on that screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from operator import attrgetter

from textual.command import DiscoveryHit, Hit, Hits, Provider

from glutewake.app.keys import Key, palette_help, palette_keys, palette_title, screen_keys


class CoachCommands(Provider):
    """Start, symptom check, history, phase, settings, help, theme, quit and this screen's keys."""

    def _commands(self) -> Iterator[tuple[str, Key, Callable[[], object]]]:
        for key in palette_keys():
            yield palette_title(key), key, partial(self.app.run_action, key.action)
        for key in screen_keys(type(self.screen).BINDINGS):
            yield palette_title(key), key, partial(self.screen.run_action, key.action)

    async def discover(self) -> Hits:
        for title, key, run in self._commands():
            yield DiscoveryHit(title, run, help=palette_help(key) or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, key, run in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=palette_help(key) or None)


def theme_commands(pick: Callable[[str], object]) -> type[Provider]:
    """A palette of the app's colour themes; choosing one calls `pick` with its name (the app
    applies it and saves it, as the settings screen does)."""

    class ThemeCommands(Provider):
        def _themes(self) -> Iterator[tuple[str, Callable[[], object]]]:
            for theme in sorted(self.app.available_themes.values(), key=attrgetter("name")):
                yield theme.name, partial(pick, theme.name)

        async def discover(self) -> Hits:
            for name, run in self._themes():
                yield DiscoveryHit(name, run)

        async def search(self, query: str) -> Hits:
            matcher = self.matcher(query)
            for name, run in self._themes():
                score = matcher.match(name)
                if score > 0:
                    yield Hit(score, matcher.highlight(name), run)

    return ThemeCommands
