"""What the screens are handed: the `Coach` over the store and the thread that saves sessions."""
