"""glutewake: a full-screen terminal coach for gluteus medius rehabilitation."""

__version__ = "0.1.0"
