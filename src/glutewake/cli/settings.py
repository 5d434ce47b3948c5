"""`glutewake settings [KEY [VALUE]]`: print the settings, one of them, or change one."""

from __future__ import annotations

from glutewake.cli.parser import subcommand

TYPE_CHECKING = False  # argparse is loaded only when a command line needs it
if TYPE_CHECKING:
    import argparse


def add_parser(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser], parents: list[argparse.ArgumentParser]
) -> None:
    sub = subcommand(
        subparsers,
        parents,
        "settings",
        examples=(
            "  glutewake settings\n"
            "  glutewake settings stretch_hold_seconds\n"
            "  glutewake settings rest_seconds 15\n"
            "  glutewake settings spoken_cues on\n"
        ),
        run="glutewake.cli.settings:run",
    )
    sub.add_argument("key", metavar="KEY", nargs="?", help="a setting's name, as in settings.toml")
    sub.add_argument("value", metavar="VALUE", nargs="?", help="its new value")


def toml_value(value: object) -> str:
    """A setting's value as settings.toml writes it."""
    import tomli_w

    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


def run(args: argparse.Namespace) -> int:
    from glutewake.cli.options import data_dir_from
    from glutewake.core.frozen import replace
    from glutewake.core.settings import parse_setting, setting_names, setting_type
    from glutewake.store import ProfileFiles  # settings.toml and the state files alone

    store = ProfileFiles(data_dir_from(args))
    if args.key is not None:
        setting_type(args.key)  # an unknown name: one line, exit 2
    if args.value is None:
        settings = store.read_profile().settings
        if args.key is None:
            print("\n".join(f"{name} = {toml_value(getattr(settings, name))}" for name in setting_names()))
        else:
            value = getattr(settings, args.key)
            print(value if isinstance(value, str) else toml_value(value))
        return 0
    value = parse_setting(args.key, args.value)
    store.read_profile()  # a damaged or too-new settings.toml is named before anything is written
    profile = store.update_profile(
        lambda p: replace(p, settings=p.settings.with_changes(**{args.key: value}))
    )
    print(f"{args.key} = {toml_value(getattr(profile.settings, args.key))}")
    return 0
