#!/bin/sh
# run-fuzz.sh — build the fuzz target and fuzz the .cxplan reader
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   tests/fuzz/run-fuzz.sh [SECONDS] [LIBFUZZER-FLAG...]
#
# Builds _build-fuzz (clang, -Dfuzzing=true) if needed, gathers the seed
# corpus from the samples, templates and test files into
# tests/fuzz/corpus-run/corpus (git-ignored; the corpus grows there from one
# run to the next), and runs fuzz-reader for SECONDS (default 60) in one
# process. Crashes, leaks and timeouts land in tests/fuzz/corpus-run/artifacts.
# Extra flags go to libFuzzer, e.g. -jobs=4 -workers=4, or -fork=4.
#
# Environment: CX_FUZZ_BUILDDIR (default _build-fuzz in the source root).

set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${CX_FUZZ_BUILDDIR:-$root/_build-fuzz}
seconds=${1:-60}
if [ $# -gt 0 ]; then
  shift
fi

scratch=$here/corpus-run
corpus=$scratch/corpus
artifacts=$scratch/artifacts
fuzzer=$build/tests/fuzz/fuzz-reader

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$root" -Dfuzzing=true -Db_lundef=false
fi
ninja -C "$build" tests/fuzz/fuzz-reader

mkdir -p "$corpus" "$artifacts"

# Seeds: every sample and template, and the good and bad test files, named
# after where they came from so that files of the same name do not collide.
for pattern in 'data/samples/*.cxplan' 'data/templates/*.cxplan' \
               'tests/data/bad/*' 'tests/data/good/*' 'tests/data/rng-invalid/*'; do
  for file in "$root"/$pattern; do
    [ -f "$file" ] || continue
    rel=${file#"$root"/}
    cp "$file" "$corpus/seed-$(printf '%s' "$rel" | tr '/' '_')"
  done
done

# And one small valid plan, so there is a start even before any sample exists.
cat > "$corpus/seed-minimal.cxplan" <<'PLAN'
<?xml version="1.0" encoding="UTF-8"?>
<cxplan xmlns="urn:cxplan:plan:1" version="1.0">
  <title>Minimal</title>
  <settings>
    <threshold name="rpn" value="100"/>
    <disable check="CX005"/>
  </settings>
  <personas>
    <persona id="fan" mood="-1">
      <name>Fan</name>
    </persona>
  </personas>
  <lanes>
    <lane id="actions" kind="actions">
      <name>Customer actions</name>
    </lane>
    <lane id="emotion" kind="emotion">
      <name>Emotion</name>
    </lane>
  </lanes>
  <phases>
    <phase kind="before">
      <step id="call" channel="phone" owner="Store" persona="fan" moment-of-truth="true">
        <title>Call the store</title>
        <expected level="4">Someone answers</expected>
        <delivered level="2"/>
        <emotion value="-2">Frustrated</emotion>
        <cell lane="actions">Calls the number</cell>
        <failure id="voicemail" severity="6" occurrence="7" detection="8" leads-to="callback">
          <mode>Calls go to voicemail</mode>
          <effect>Customer gives up</effect>
        </failure>
        <link kind="leads-to" step="welcome"/>
      </step>
    </phase>
    <phase kind="during">
      <step id="welcome" channel="store" wow="true">
        <title>Greeted by name</title>
        <expected level="3"/>
        <delivered level="5"/>
      </step>
    </phase>
    <phase kind="after"/>
    <phase kind="recovery">
      <step id="callback" channel="phone" recovers="voicemail">
        <title>Call back within the hour</title>
      </step>
    </phase>
  </phases>
</cxplan>
PLAN

# GLib 2.74 still hands GObjects out of slices: plain malloc lets
# AddressSanitizer see every one of them.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

marker=$scratch/.run-start
touch "$marker"

echo "Fuzzing for ${seconds}s; corpus $corpus ($(find "$corpus" -type f | wc -l) files)"
set +e
"$fuzzer" \
  -max_total_time="$seconds" \
  -dict="$here/cxplan.dict" \
  -max_len=65536 \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -print_final_stats=1 \
  -artifact_prefix="$artifacts/" \
  "$@" \
  "$corpus"
status=$?
set -e

found=$(find "$artifacts" -type f -newer "$marker" | sort)
if [ -n "$found" ]; then
  echo
  echo "Found by this run:"
  for file in $found; do
    echo "  $file"
  done
  echo
  echo "Reproduce one (runs that input once, with the same checks):"
  echo "  G_SLICE=always-malloc $fuzzer FILE"
  echo "Minimise it:"
  echo "  G_SLICE=always-malloc $fuzzer -minimize_crash=1 -runs=10000 FILE"
else
  echo
  echo "No crash, leak or timeout in this run (exit status $status)."
fi

exit $status
