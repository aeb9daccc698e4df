#!/usr/bin/env bash
# gui-bench.sh — launch to first frame, and scrolling frame time, of the
# window on a 10-step and a 10,000-step plan.
#
#   xvfb-run -a -s "-screen 0 1440x900x24" dbus-run-session -- \
#     tests/bench/gui-bench.sh [BUILDDIR] [RUNS]
#
# Reads what CXPLAN_DEBUG_TIMINGS=1 makes the map view print (see
# src/app/cx-map-view-timings.c): the monotonic time of the first frame
# showing the plan, compared with the time just before launch, and the
# time of 100 whole frames (before-paint to after-paint) scrolling
# sideways. Prints the medians over RUNS launches (default 5).
#
# Then frames while drafts are written: cxplan-draft-bench (see its
# header) types into a step's title ten keys a second while the map
# scrolls every frame, for SECONDS (default 10), with drafts and without,
# and reports the frame intervals and how long the drafts held the main
# loop. Set DRAFT_BENCH_SECONDS=0 to leave it out.
set -euo pipefail

build=${1:-_build}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now_us () { python3 -c 'import time; print(int(time.clock_gettime(time.CLOCK_MONOTONIC) * 1e6))'; }
median () { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%8s %16s %18s %15s\n' steps first-frame-ms scroll-median-ms scroll-p95-ms
for n in 10 10000; do
  "$build/tests/bench/cxplan-bench-gen" "$n" "$work/plan-$n.cxplan"
  : > "$work/first"; : > "$work/median"; : > "$work/p95"
  for _ in $(seq "$runs"); do
    t0=$(now_us)
    out=$(GSETTINGS_SCHEMA_DIR="$build/src/app" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
          CXPLAN_DEBUG_TIMINGS=1 CXPLAN_DEBUG_SCROLL_FRAMES=100 \
          "$build/src/app/cxplan" "$work/plan-$n.cxplan" 2>&1 | grep cxplan-timings || true)
    first=$(sed -n 's/.*first-frame \([0-9]*\).*/\1/p' <<<"$out")
    [ -n "$first" ] || { echo "no timings from the window: $out" >&2; exit 1; }
    echo $(( (first - t0) / 1000 )) >> "$work/first"
    sed -n 's/.*median-us=\([0-9]*\).*/\1/p' <<<"$out" >> "$work/median"
    sed -n 's/.*p95-us=\([0-9]*\).*/\1/p' <<<"$out" >> "$work/p95"
  done
  printf '%8s %16s %18.2f %15.2f\n' "$n" "$(median < "$work/first")" \
    "$(echo "$(median < "$work/median") / 1000" | bc -l)" \
    "$(echo "$(median < "$work/p95") / 1000" | bc -l)"
done

seconds=${DRAFT_BENCH_SECONDS:-10}
if [ "$seconds" -gt 0 ] && [ -x "$build/tests/bench/cxplan-draft-bench" ]; then
  echo
  echo "Frames while drafts are written ($seconds s of typing a run; load: $(cut -d' ' -f1-3 /proc/loadavg))"
  GSETTINGS_SCHEMA_DIR="$build/src/app" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
    "$build/tests/bench/cxplan-draft-bench" "$seconds" 2>/dev/null | grep -v '^1\.\.0$\|^#'
fi
