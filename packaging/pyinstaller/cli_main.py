"""The bundle's command-line executable, `followup`."""

from followup.cli import main

raise SystemExit(main())
