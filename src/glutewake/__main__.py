"""`python -m glutewake` runs the same entry point as the `glutewake` command."""

from glutewake.cli import main

raise SystemExit(main())
