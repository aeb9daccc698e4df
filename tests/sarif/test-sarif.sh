#!/usr/bin/env bash
# tests/sarif/test-sarif.sh CXPLAN_TOOL SOURCE_ROOT VALIDATOR
#
# `cxplan-tool check --format=sarif` on the samples, the templates, plans
# with accepted findings and a file whose name needs percent-encoding,
# each log and one log of them all through Microsoft's SARIF validator
# (sarif-multitool validate): any error or warning fails the test. Skips
# (77) only when the validator is not installed (build-aux/dev.sh
# installs it, so CI never skips).
set -uo pipefail

tool=$1
root=$2
validator=$3

if [ ! -x "$validator" ]; then
  echo "SKIP: the SARIF validator is not installed at $validator (build-aux/dev.sh installs it)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The files, under the names the logs will carry (relative, as a user in a
# repository would give them)
mkdir -p "$work/plans/with space" "$work/logs"
cp "$root"/data/samples/*.cxplan "$root"/data/templates/*.cxplan "$work/plans/"
cp "$root"/tests/data/good/accepts.cxplan "$work/plans/"
cp "$root"/tests/data/good/accepts.cxplan "$work/plans/with space/Café «plan» #2.cxplan"
cp "$root"/tests/data/good/reference.cxplan "$work/plans/"

cd "$work/plans" || exit 1
status=0
n=0
all=()
for plan in *.cxplan "with space"/*.cxplan; do
  all+=("$plan")
  n=$((n + 1))
  "$tool" check --format=sarif --fail-on=never "$plan" > "$work/logs/$n.sarif"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL: cxplan-tool check --format=sarif $plan exited $rc"
    status=1
  fi
done
"$tool" check --format=sarif --fail-on=never "${all[@]}" > "$work/logs/all.sarif" || status=1

# The validator prints one line per problem: FILE(LINE,COL): error|warning|note CODE: …
"$validator" validate "$work"/logs/*.sarif > "$work/validator.out" 2>&1
rc=$?
cat "$work/validator.out"
if [ $rc -ne 0 ]; then
  echo "FAIL: the validator exited $rc"
  status=1
fi
if grep -Eq '\): (error|warning) ' "$work/validator.out"; then
  echo "FAIL: the validator reports errors or warnings"
  status=1
fi
if ! grep -q 'Analysis completed successfully' "$work/validator.out"; then
  echo "FAIL: the validator did not complete"
  status=1
fi

# The log of them all has a result for every finding of every file, and
# the name with a space and non-ASCII letters percent-encoded
expected=$("$tool" check --format=json --fail-on=never "${all[@]}" | grep -o '"check": ' | wc -l)
got=$(grep -o '"ruleId": ' "$work/logs/all.sarif" | wc -l)
if [ "$expected" -ne "$got" ]; then
  echo "FAIL: $got results for $expected findings"
  status=1
fi
if ! grep -q '"uri": "with%20space/Caf%C3%A9%20%C2%ABplan%C2%BB%20%232.cxplan"' "$work/logs/all.sarif"; then
  echo "FAIL: the file name is not percent-encoded as a relative URI"
  status=1
fi
if ! grep -q '"suppressions": \[{"kind": "inSource", "justification": ' "$work/logs/all.sarif"; then
  echo "FAIL: no accepted finding carries a suppression"
  status=1
fi

[ $status -eq 0 ] && echo "PASS: $n logs and their union validate with no error and no warning"
exit $status
