"""The ``dmuboard`` command: the GUI, or one of the commands of shared/spec/cli.md.

Each command lives in ``dmuboard/commands/<name>.py`` and provides ``NAME``,
``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``. Errors the user can act
on (:class:`UserError`) become one line on stderr and exit code 1; a usage error
exits 2. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from dmuboard import __version__
from dmuboard.boardio import UsageError
from dmuboard.model.errors import UserError

# Module names under dmuboard.commands, in the order `--help` lists them.
COMMAND_MODULES = ("demo", "convert", "check", "analyze", "export", "import_csv", "layout", "history", "mark", "diff",
                   "portfolio")


def _commands(only: str | None = None) -> dict[str, ModuleType]:
    """The command modules by command name: all of them, or only the one named ``only``."""
    found = {}
    for module_name in COMMAND_MODULES:
        if only is not None and module_name != only.replace("-", "_"):
            continue
        try:
            module = importlib.import_module(f"dmuboard.commands.{module_name}")
        except ModuleNotFoundError as error:
            if error.name == f"dmuboard.commands.{module_name}":
                continue  # not built yet
            raise
        found[module.NAME] = module
    return found


def build_parser(commands: dict[str, ModuleType]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dmuboard",
        description="DMU Board: the customer's buying committee opposite your own team. "
        "With no command, opens the GUI on FILE or on the last board.",
    )
    parser.add_argument("--version", action="version", version=f"dmuboard {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in commands.items():
        command_parser = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command_parser)
    return parser


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dmuboard", description="Open the DMU Board GUI.")
    parser.add_argument("file", nargs="?", type=Path, help="the .dmu board to open")
    parser.add_argument("--present", action="store_true", help="start in presentation mode")
    parser.add_argument("--version", action="version", version=f"dmuboard {__version__}")
    return parser


def fail(message: str, code: int = 1) -> int:
    from dmuboard.localfiles import shown

    line = f"dmuboard: {shown(message)}"
    try:
        print(line, file=sys.stderr)
    except UnicodeEncodeError:
        encoding = sys.stderr.encoding or "ascii"
        print(line.encode(encoding, "backslashreplace").decode(encoding), file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the GUI or a command; the exit code.

    Called with no ``argv`` this is the program itself (the console script, ``python -m
    dmuboard`` and the frozen build call it so), and a command is told so by
    ``args.process_ends``: it may then end the process with :func:`end_process`.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    # A command needs only its own module: the others import the analysis, CSV reading...
    asked = _commands(args[0]) if args and not args[0].startswith("-") else {}
    commands = asked or _commands()
    try:
        if args and (args[0] in commands or args[0] in ("-h", "--help", "--version")):
            parsed = build_parser(commands).parse_args(args, argparse.Namespace(process_ends=argv is None))
            if parsed.command is None:
                return 0
            return int(commands[parsed.command].run(parsed))
        options = gui_parser().parse_args(args)
        from dmuboard.gui.shell.app import run_gui

        return run_gui(options.file, present=options.present)
    except SystemExit as leaving:  # argparse: --help, --version, usage errors
        return leaving.code if isinstance(leaving.code, int) else 0
    except UsageError as error:
        return fail(error.message, 2)
    except UserError as error:
        return fail(error.message)
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except BrokenPipeError:
        return 0
    except MemoryError:
        return fail("not enough memory to finish")
    except Exception as error:  # a bug: keep the details out of the user's way
        log = _crash_log()
        return fail(f"internal error ({type(error).__name__}: {error}); details in {log}")


def end_process(code: int) -> NoReturn:
    """End the process now, without the interpreter's teardown.

    For a command run as the program once its output is written and closed: all that
    is left then is freeing, object by object, what the command built (for an export of
    2,000 people a scene of 21,000 items: half a second), which the operating system
    does at once. Buffered output is flushed first.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None when the program was started with the stream closed
            with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say there
                stream.flush()
    os._exit(code)


def _crash_log() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dmuboard"
    log = base / "crash.log"
    try:
        base.mkdir(parents=True, exist_ok=True)
        with open(log, "a", encoding="utf-8") as handle:
            traceback.print_exc(file=handle)
    except OSError:
        pass
    return log
