"""When to ask the morning-after question: the first start of a day after a day with a session."""

from __future__ import annotations

import datetime as dt

from glutewake.core.records import Journal

QUESTION = "How is your hip this morning, compared with before your last session?"


def question_due(journal: Journal, today: dt.date, asked_on: dt.date | None) -> bool:
    """Whether to ask today: yesterday held a session (of any kind), today has no answer yet,
    and the question has not been shown today already (a skip counts as shown)."""
    if asked_on == today or any(m.day == today for m in journal.morning_checks):
        return False
    yesterday = today - dt.timedelta(days=1)  # last night's session: the day before, by the day start
    return any(journal.session_day(s) == yesterday for s in journal.sessions)
