"""The bundle's GUI executable (PyInstaller needs a script to start from)."""

from followup_desktop.app import main

raise SystemExit(main())
