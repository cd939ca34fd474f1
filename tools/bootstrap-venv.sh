#!/bin/sh
# Create the virtual environment. Debian and Ubuntu ship `venv` separately (python3-venv):
# as root it is installed; otherwise the exact command is printed.
set -eu
python=$1
venv=$2
[ -x "$venv/bin/python" ] && exit 0
if ! command -v "$python" >/dev/null 2>&1; then
  echo "Python 3.11 or newer is needed and '$python' was not found; choose one with: make run PYTHON=python3.12" >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  found=$("$python" -c 'import sys; print(".".join(map(str, sys.version_info[:2])))')
  echo "Python 3.11 or newer is needed ('$python' is $found); install python3.11 or newer and run: make run PYTHON=python3.11" >&2
  exit 1
fi
if "$python" -m venv "$venv" 2>/dev/null; then exit 0; fi
rm -rf "$venv"
version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
if command -v apt-get >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$version-venv" || \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
    exec "$python" -m venv "$venv"
  fi
  echo "Python's venv module is missing. Run: sudo apt-get install python$version-venv" >&2
  exit 1
fi
echo "Python's venv module is missing: install your distribution's python venv package." >&2
exit 1
