"""The ``juesuan`` command line: one click group, one thin module per command.

Exit codes: 0 clean, 1 the document has error-level findings, 2 an input could not be read
or the command was misused. No traceback ever reaches the user: an unexpected exception
is shown as one line naming the file, and the exit code is 2.
"""

from __future__ import annotations

import importlib
import sys

import click

from juesuan import __version__

#: command → module under ``juesuan.cli`` that defines it (under the same name). Modules are
#: imported only when their command runs, so ``juesuan check`` never pays for PDF output.
COMMANDS: dict[str, str] = {
    "check": "check",
    "extract": "extract",
    "score": "score",
    "render": "render",
    "template": "template",
    "debug": "debug",
    "rules": "rules",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        command: click.Command = getattr(importlib.import_module(f"juesuan.cli.{module}"), cmd_name)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="juesuan")
def cli() -> None:
    """juesuan（决算）：读取、检查、评分并生成部门预算/决算公开文件。"""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting (testable)."""
    try:
        result = cli.main(args=argv, prog_name="juesuan", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return 2
    except click.exceptions.Abort:
        click.echo("已中止", err=True)
        return 2
    except BrokenPipeError:
        return 0
    except Exception as error:
        click.echo(f"juesuan：内部错误：{type(error).__name__}: {error}（请报告此问题）", err=True)
        return 2
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
