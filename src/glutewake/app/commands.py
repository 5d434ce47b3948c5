"""The command palette (ctrl+p): every action of the key registry, found by name."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from glutewake.app.keys import Key, palette_keys


class CoachCommands(Provider):
    """Start, symptom check, history, phase, settings, help, theme and quit."""

    def _run(self, key: Key) -> Callable[[], object]:
        return partial(self.app.run_action, key.action)

    async def discover(self) -> Hits:
        for key in palette_keys():
            yield DiscoveryHit(key.command, self._run(key), help=key.tooltip)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key in palette_keys():
            score = matcher.match(key.command)
            if score > 0:
                yield Hit(score, matcher.highlight(key.command), self._run(key), help=key.tooltip)
