"""The pure heart of glutewake (programmes, timeline, engine, advice, streaks, journal rules): no Textual, no file I/O, time passed in."""
