#!/usr/bin/env bash
# tests/bench/check-vs-xmllint.sh [BUILD_DIR] [N_STEPS]
#
# The whole process, start-up included: `cxplan-tool check` (read and all
# 22 checks) against `xmllint --noout` (parse only) on the same generated
# plan of N_STEPS steps (default 10,000). The target of issue 8: the check
# no slower than xmllint. Uses hyperfine when it is installed (build-aux/
# dev.sh installs it), else the median of repeated runs timed here.
set -euo pipefail

build=${1:-_build}
n=${2:-10000}
tool="$build/src/tool/cxplan-tool"
gen="$build/tests/bench/cxplan-bench-gen"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plan="$work/plan-$n.cxplan"

"$gen" "$n" "$plan"
echo "plan: $n steps, $(stat -c %s "$plan") bytes"
echo "findings: $("$tool" check --fail-on=never "$plan" 2>&1 >/dev/null)"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 3 --min-runs 20 -N \
    --export-markdown "$work/result.md" --export-csv "$work/result.csv" \
    -n "cxplan-tool check" "$tool check --fail-on=never --format=json $plan" \
    -n "xmllint --noout" "xmllint --noout --nonet $plan" >&2
  cat "$work/result.md"
  # command,mean,stddev,median,user,system,min,max (seconds): the ratios of
  # the means, the medians and the fastest runs (the least disturbed)
  awk -F, 'NR == 2 { m = $2; d = $4; n = $7 }
           NR == 3 { printf "ratio: %.2f (means), %.2f (medians), %.2f (fastest runs)\n",
                     m / $2, d / $4, n / $7 }' "$work/result.csv"
  exit 0
fi

# Without hyperfine: 21 runs each, the median wall time
median_ms () {
  local times=()
  for _ in $(seq 21); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 11p | awk '{printf "%.1f", $1 / 1000}'
}
check=$(median_ms "$tool" check --fail-on=never --format=json "$plan")
lint=$(median_ms xmllint --noout --nonet "$plan")
echo "cxplan-tool check: $check ms (median of 21)"
echo "xmllint --noout:   $lint ms (median of 21)"
awk -v c="$check" -v l="$lint" 'BEGIN { printf "ratio: %.2f\n", c / l }'
