"""The pure heart of glutewake: programmes, engine, advice, streaks and journal rules, no I/O.

Nothing here imports Textual or touches a file; time is always passed in.
"""
