#!/usr/bin/env bash
# build-aux/dev.sh — set up a Debian 12 machine for CX Planner, build, and run or test.
#
#   build-aux/dev.sh run    install what is missing, build, and open a sample plan
#   build-aux/dev.sh test   install what is missing, build, and run every test suite:
#                           the plain build, one with AddressSanitizer + UBSan, and the
#                           core tests under valgrind memcheck, then the Flatpak stage
#                           below (CX_SKIP_FLATPAK=1 leaves it out)
#   build-aux/dev.sh flatpak
#                           install Flatpak's tools, build the Flatpak offline against a
#                           test runtime made from Debian 12 packages, install its bundle
#                           and run it (build-aux/flatpak-test.sh)
#
# Installing is idempotent: packages already there are not fetched again.
# Set CX_SKIP_INSTALL=1 to skip the package step (on a machine that is not Debian).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils libjson-glib-dev
  libcairo2-dev libpango1.0-dev libgtk-4-dev libadwaita-1-dev fonts-cantarell
  desktop-file-utils appstream shared-mime-info librsvg2-bin yelp-tools itstool
  xvfb xauth dbus imagemagick valgrind libxtst-dev
  # the translation tests run the tool and the window in de_DE.UTF-8 and es_ES.UTF-8
  locales-all
  # the print tests read the PDF files back (pdfinfo, pdftotext)
  poppler-utils
  # the benchmark's whole-process comparison with xmllint
  hyperfine
  # Microsoft's SARIF validator (a self-contained .NET program from the
  # npm registry) needs ICU and the C++ runtime; libxml2 brings ICU already
  libicu72 libstdc++6 zlib1g
)
# Node.js and npm fetch the validator. A machine that has them (a newer
# Node.js with its own npm, say) keeps them; Debian's packages otherwise.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

# The SARIF validator of the test suite (tests/sarif/test-sarif.sh), pinned
sarif_multitool_version=5.7.0
npm_prefix="$here/_build-npm"

# What `flatpak` adds on the host: Flatpak and its builder (which strips with
# eu-strip), what makes the test runtime, the document portal, and what looks
# at the window. Only `flatpak` installs these.
flatpak_packages=(
  flatpak flatpak-builder elfutils debootstrap ostree jq
  xdg-desktop-portal fuse3 xvfb xauth dbus imagemagick xdotool x11-utils
)

# The test runtime holds the build packages above (less the host's test tools,
# see build-aux/flatpak-test.sh) and these, which the GNOME SDK has too:
# flatpak-builder's appstream-compose, the icon cache, the SVG loader for the
# icon, fonts and icon themes.
flatpak_runtime_packages=(
  appstream-util gtk-update-icon-cache librsvg2-common fonts-cantarell fonts-dejavu-core
  hicolor-icon-theme adwaita-icon-theme
)

# install_missing [PACKAGE…]: the packages above, or these
install_missing () {
  [ "${CX_SKIP_INSTALL:-0}" = 1 ] && return 0
  local missing=() wanted=("$@")
  [ $# -eq 0 ] && wanted=("${packages[@]}")
  for p in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

install_sarif_validator () {
  [ "${CX_SKIP_INSTALL:-0}" = 1 ] && return 0
  local linux="$npm_prefix/node_modules/@microsoft/sarif-multitool-linux"
  if [ -x "$linux/Sarif.Multitool" ] &&
     grep -q "\"version\": \"$sarif_multitool_version\"" "$linux/package.json" 2>/dev/null; then
    return 0
  fi
  echo "Installing the SARIF validator (@microsoft/sarif-multitool $sarif_multitool_version)"
  mkdir -p "$npm_prefix"
  npm install --prefix "$npm_prefix" --no-audit --no-fund --no-package-lock \
    "@microsoft/sarif-multitool@$sarif_multitool_version" \
    "@microsoft/sarif-multitool-linux@$sarif_multitool_version"
  # Its postinstall script (chmod) may not run, as npm now asks before it does
  chmod u+x "$linux/Sarif.Multitool"
  "$linux/Sarif.Multitool" --version >/dev/null
}

# configure DIR [meson options...]: set up a build directory, or reuse it
configure () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$@"
  fi
}

# Totals from meson's summary lines ("Ok:", "Fail:" …) across every run
passed=0; failed=0; skipped=0
count () {
  local log=$1 n
  n=$(awk '/^Ok:/ {print $2}' "$log");              passed=$((passed + ${n:-0}))
  n=$(awk '/^Expected Fail:/ {print $3}' "$log");   passed=$((passed + ${n:-0}))
  n=$(awk '/^Fail:/ {print $2}' "$log");            failed=$((failed + ${n:-0}))
  n=$(awk '/^Unexpected Pass:/ {print $3}' "$log"); failed=$((failed + ${n:-0}))
  n=$(awk '/^Timeout:/ {print $2}' "$log");         failed=$((failed + ${n:-0}))
  n=$(awk '/^Skipped:/ {print $2}' "$log");         skipped=$((skipped + ${n:-0}))
}

# suite NAME DIR [meson test options...] [-- WRAPPER...]
suite () {
  local name=$1 dir=$2; shift 2
  local options=() wrapper=() log
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do options+=("$1"); shift; done
  [ $# -gt 0 ] && shift && wrapper=("$@")
  log=$(mktemp)
  echo "== $name =="
  if ! "${wrapper[@]}" meson test -C "$dir" --print-errorlogs "${options[@]}" 2>&1 | tee "$log"; then
    :
  fi
  if ! grep -q '^Ok:' "$log"; then
    echo "$name: meson test did not run (no summary)"
    failed=$((failed + 1))
  fi
  count "$log"
  rm -f "$log"
}

# flatpak_test: build-aux/flatpak-test.sh, which prints "ok - …" or
# "not ok - …" a check and ends on "flatpak: N passed, N failed"
flatpak_test () {
  CX_BUILD_PACKAGES="${packages[*]}" CX_RUNTIME_PACKAGES="${flatpak_runtime_packages[*]}" \
    bash build-aux/flatpak-test.sh
}

# flatpak_suite: the same, counted in the totals like a meson suite
flatpak_suite () {
  local log n
  echo "== flatpak: build the bundle offline, install it, run it =="
  if [ "${CX_SKIP_FLATPAK:-0}" = 1 ]; then
    echo "skipped (CX_SKIP_FLATPAK=1)"
    skipped=$((skipped + 1))
    return 0
  fi
  install_missing "${flatpak_packages[@]}"
  log=$(mktemp)
  flatpak_test 2>&1 | tee "$log" || :
  if ! grep -q '^flatpak: [0-9]* passed' "$log"; then
    echo "flatpak: the stage did not finish (no summary)"
    failed=$((failed + 1))
  fi
  n=$(grep -c '^ok - ' "$log" || :);     passed=$((passed + n))
  n=$(grep -c '^not ok - ' "$log" || :); failed=$((failed + n))
  rm -f "$log"
}

cmd=${1:-}
case "$cmd" in
  run)
    install_missing
    configure _build
    ninja -C _build
    sample=data/samples/team-gear-store.cxplan
    export GSETTINGS_SCHEMA_DIR="$here/_build/src/app"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec ./_build/src/app/cxplan "$sample"
    fi
    # No display (a server, a container): open it on a virtual one, and
    # take a picture to show that it did.
    shot="$here/_build/cxplan-window.png"
    echo "No display here: opening $sample on a virtual display (xvfb)…"
    # The screen is larger than the window so that the pointer, which
    # starts in its middle, rests off the window and shows no tooltip;
    # the picture is then cut to the window.
    GSK_RENDERER=cairo GSETTINGS_BACKEND=memory \
      xvfb-run -a -s "-screen 0 2560x1700x24" dbus-run-session -- bash -c '
      ./_build/src/app/cxplan "$1" & app=$!
      sleep 6
      import -window root "$2"
      kill $app' _ "$sample" "$shot"
    convert "$shot" -trim +repage "$shot"
    echo "The window, as it opened: $shot"
    ;;
  test)
    install_missing
    install_sarif_validator
    configure _build
    ninja -C _build
    # The window's tests need a display: a virtual one, with its own session bus
    GSK_RENDERER=cairo CX_GUI_TEST_NEED_DISPLAY=1 suite "plain" _build -- \
      xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session --
    configure _build-sanitize -Db_sanitize=address,undefined -Db_lundef=false
    ninja -C _build-sanitize
    # GTK keeps memory for the life of the process, which LeakSanitizer
    # would report: the window's tests run in the plain suite only.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      suite "address + undefined sanitizers" _build-sanitize --no-suite gui
    suite "valgrind memcheck" _build --setup=valgrind --suite core
    # 6 minutes on a fresh, quiet machine, 22 under heavy load; then 2-6 (README, "The Flatpak")
    flatpak_suite
    echo
    if [ "$skipped" -gt 0 ]; then
      echo "$passed passed, $failed failed, $skipped skipped"
    else
      echo "$passed passed, $failed failed"
    fi
    [ "$failed" -eq 0 ]
    ;;
  flatpak)
    install_missing "${flatpak_packages[@]}"
    flatpak_test
    ;;
  *)
    echo "usage: $0 run|test|flatpak" >&2
    exit 64
    ;;
esac
