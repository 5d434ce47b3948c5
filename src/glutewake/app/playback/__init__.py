"""Cues you can hear: the bell, synthesised tones through the audio output, and spoken cues."""
