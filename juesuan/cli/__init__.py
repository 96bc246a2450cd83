"""The ``juesuan`` command line: one click group, one thin module per command.

Exit codes: 0 clean, 1 the document has error-level findings, 2 an input could not be read
or the command was misused. No traceback ever reaches the user: an unexpected exception
is shown as one line naming the file, and the exit code is 2.
"""

from __future__ import annotations

import sys

import click

from juesuan import __version__
from juesuan.cli import check as check_command
from juesuan.cli import extract as extract_command
from juesuan.cli import rules as rules_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="juesuan")
def cli() -> None:
    """juesuan（决算）：读取、检查、评分并生成部门预算/决算公开文件。"""


cli.add_command(check_command.check)
cli.add_command(extract_command.extract)
cli.add_command(rules_command.rules)
cli.add_command(__import__("juesuan.cli.score", fromlist=["score"]).score)
cli.add_command(__import__("juesuan.cli.debug", fromlist=["debug"]).debug)
cli.add_command(__import__("juesuan.cli.render", fromlist=["render"]).render)
cli.add_command(__import__("juesuan.cli.template", fromlist=["template"]).template)


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
