#!/usr/bin/env bash
# screenshots.sh — the metainfo's screenshots, taken from the build
#
#   bash build-aux/screenshots.sh [BUILD-DIR]
#
# Opens data/samples/team-gear-store.cxplan in a 1680×1020 window on a
# virtual display, light and dark, and writes data/screenshots/main.png
# and dark.png (cut to the window). Needs a build (ninja -C _build) and
# what dev.sh installs (xvfb, imagemagick).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$here/_build}
out=$here/data/screenshots
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

shot () {
  local scheme=$1 file=$2
  mkdir -p "$scratch/$scheme/glib-2.0/settings"
  # The window's size comes from its settings: a keyfile of its own
  cat > "$scratch/$scheme/glib-2.0/settings/keyfile" <<KEYS
[io/github/cxplan/Planner]
window-width=1680
window-height=1020
window-maximized=false
map-zoom=0.8
KEYS
  GSK_RENDERER=cairo GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$scratch/$scheme" \
    XDG_DATA_HOME="$scratch/$scheme/data" ADW_DEBUG_COLOR_SCHEME="$scheme" \
    GSETTINGS_SCHEMA_DIR="$build/src/app" \
    xvfb-run -a -s "-screen 0 2560x1700x24" dbus-run-session -- bash -c '
      "$1" "$2" & app=$!
      sleep 8
      import -window root "$3"
      kill $app' _ "$build/src/app/cxplan" "$here/data/samples/team-gear-store.cxplan" "$file"
  convert "$file" -trim +repage "$file"
  echo "$file"
}

shot prefer-light "$out/main.png"
shot prefer-dark "$out/dark.png"
