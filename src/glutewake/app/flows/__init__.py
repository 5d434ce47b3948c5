"""What a key sets in motion across screens: start, resume, the phase switch and the rest gate."""
