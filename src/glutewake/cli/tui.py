"""`glutewake` with no command: the full-screen app (the only module that starts Textual)."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Check the options, then build the app through the one factory and run it."""
    from glutewake.cli.options import data_dir_from

    programme_file = args.programme_file
    if programme_file is not None:
        from glutewake.programmes import load_programme

        # A bad file is reported on stderr (exit 2) before the screen is taken over.
        load_programme(programme_file)
    from pathlib import Path

    from glutewake.app import create_app

    app = create_app(
        Path(data_dir_from(args)),
        count_seconds=args.count_seconds,
        programme_file=programme_file,
    )
    app.run()
    if app.crash_report is not None:
        print(app.crash_report, file=sys.stderr)
    return 0 if app.return_code is None else app.return_code
