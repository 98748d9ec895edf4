#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter for Rasa 3.6, looking in order at:
# $RASA_PYTHON, python3.10 on PATH, pyenv's installed versions, `uv python find 3.10`.
set -u
is310() { [ -n "$1" ] && "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }
if [ -n "${RASA_PYTHON:-}" ]; then
  if is310 "$RASA_PYTHON"; then echo "$RASA_PYTHON"; exit 0; fi
  echo "RASA_PYTHON=$RASA_PYTHON is not a working Python 3.10" >&2; exit 1
fi
c=$(command -v python3.10 2>/dev/null) && is310 "$c" && { echo "$c"; exit 0; }
if command -v pyenv >/dev/null 2>&1; then
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.|$)' | sort -rV); do
    c="$(pyenv root)/versions/$v/bin/python3.10"
    is310 "$c" && { echo "$c"; exit 0; }
  done
fi
if command -v uv >/dev/null 2>&1; then
  c=$(uv python find 3.10 2>/dev/null) && is310 "$c" && { echo "$c"; exit 0; }
fi
cat >&2 <<MSG
No Python 3.10 found; Rasa 3.6 needs one. Looked at, in order:
  1. \$RASA_PYTHON (unset)
  2. python3.10 on PATH
  3. pyenv's installed versions (pyenv install 3.10)
  4. uv python find 3.10 (uv python install 3.10)
Install one of them, or set RASA_PYTHON=/path/to/python3.10.
MSG
exit 1
