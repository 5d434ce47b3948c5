"""What the screens are handed or call without Textual: the `Coach` over the store, the thread
that saves sessions, and the reading of the journal for history."""
