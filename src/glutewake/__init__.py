"""glutewake: a full-screen terminal coach for gluteus medius rehabilitation."""

__version__ = "2.3.0"
