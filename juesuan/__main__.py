"""``python -m juesuan`` runs the command line."""

from juesuan.cli import main

raise SystemExit(main())
