#!/usr/bin/env bash
# check-potfiles.sh SRCDIR — every file with strings to translate is in
# po/POTFILES.in, and every file listed there exists.
#
# A translatable string is one marked as gettext marks them here: _( ),
# N_( ), C_( ), NC_( ), g_dngettext / ngettext ( ), or translatable="yes"
# in a .ui file; and every bundled template, data/templates/*.cxplan
# (po/its marks its text). Desktop files, metainfo and schemas are listed by
# hand (their strings are found by their own tools) and are only checked to
# exist.
set -euo pipefail

src=${1:?usage: check-potfiles.sh SRCDIR}
cd "$src"

listed=$(grep -v '^\s*#' po/POTFILES.in | sed '/^\s*$/d' | sort -u)
status=0

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

marked=$( (grep -rlE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext|g_dpgettext2)[[:space:]]*\(' \
             --include='*.c' src || true;
           grep -rl 'translatable="yes"' --include='*.ui' src || true;
           ls data/templates/*.cxplan) | sort -u)

for f in $marked; do
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "$f has strings to translate but is not in po/POTFILES.in"
    status=1
  fi
done

[ $status -eq 0 ] && echo "po/POTFILES.in lists all $(wc -w <<<"$marked") files with strings to translate"
exit $status
