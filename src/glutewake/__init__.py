"""glutewake: a full-screen terminal coach for gluteus medius rehabilitation."""

__version__ = "1.0.0"
