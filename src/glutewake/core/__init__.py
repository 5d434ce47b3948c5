"""The pure heart of glutewake: programmes, timeline, engine, advice, streaks.

Nothing here imports Textual or touches a file; time is always passed in.
"""
