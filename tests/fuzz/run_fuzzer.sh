#!/usr/bin/env bash
# One fuzz test (CTest label `fuzz`):
#   1. every saved input of regressions/<target>/ (bugs of ours, fixed) must run clean;
#   2. then SECONDS of fuzzing from the seeds, in libFuzzer's fork mode so that one finding does not
#      end the search; the corpus grows in the build folder;
#   3. each finding is replayed and classified (classify_finding.py): one in our code fails the test;
#      one inside libhdf5/libnetcdf on their own memory is reported with its input, not failed on;
#      a timeout or out-of-memory that runs clean on replay is reported as not reproduced.
# Usage: run_fuzzer.sh FUZZER SECONDS SEEDS REGRESSIONS CORPUS ARTIFACTS
set -euo pipefail
fuzzer=$1 seconds=$2 seeds=$3 regressions=$4 corpus=$5 artifacts=$6
name=$(basename "$fuzzer")
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$corpus" "$artifacts"
rm -f "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/*.log
# Library noise only, each suppression with its reason: tests/sanitizers/lsan.supp.
export LSAN_OPTIONS="suppressions=$here/../sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
# A single allocation over 1 GB is a finding of its own, reported with the stack that made it: under
# the 2 GB RSS limit alone, one of 1.9 GB (plus ASan's overhead) ends as an RSS report whose only
# stacks are libFuzzer's own, and so reads as ours whoever allocated.
timeout_s=10
limits=(-timeout=$timeout_s -rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536)

if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    for input in "$regressions"/*; do
        if ! "$fuzzer" "${limits[@]}" "$input" >"$artifacts/regression.log" 2>&1; then
            cat "$artifacts/regression.log"
            echo "$name: FAILED on the saved regression input $input"
            exit 1
        fi
    done
    echo "$name: $(ls "$regressions" | wc -l) regression inputs run clean"
fi

log="$artifacts/fuzz.log"
"$fuzzer" "${limits[@]}" -fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 -max_total_time="$seconds" \
    -artifact_prefix="$artifacts/" "$corpus" "$seeds" >"$log" 2>&1 || true
executions=$(grep -Eo '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
if ! grep -q "fuzzed for" "$log"; then
    tail -n 30 "$log"
    echo "$name: FAILED: the fuzzer did not run its course"
    exit 1
fi

ours=0 library=0 unreproduced=0
for finding in "$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*; do
    [ -e "$finding" ] || continue
    report="$finding.report"
    started=$SECONDS
    replay=0
    "$fuzzer" "${limits[@]}" "$finding" >"$report" 2>&1 || replay=$?
    # A timeout or out-of-memory in fork mode can come from the load of the fuzzers running beside
    # it (CTest runs them in parallel). One that runs clean on replay, under the same limits, is
    # that load, not a slow input: it is reported with its replay time, not failed on. A crash or
    # leak that does not replay is still failed on: that is nondeterminism, which is a bug.
    case "$(basename "$finding")" in
    timeout-* | oom-*)
        if [ "$replay" -eq 0 ]; then
            echo "  $(basename "$finding"): not reproduced: ran clean in $((SECONDS - started)) s on replay (limit $timeout_s s)"
            unreproduced=$((unreproduced + 1))
            continue
        fi
        ;;
    esac
    verdict=$(python3 "$here/classify_finding.py" "$report")
    echo "  $(basename "$finding"): $verdict"
    case "$verdict" in
    library:*) library=$((library + 1)) ;;
    *) ours=$((ours + 1)) ;;
    esac
done
echo "$name: ${executions:-0} executions in $seconds s, corpus $(ls "$corpus" | wc -l) inputs; findings: $ours ours, $library in the libraries, $unreproduced not reproduced"
if [ "$ours" -gt 0 ]; then
    echo "$name: FAILED: the inputs and their reports are in $artifacts; fix, then add the input to $regressions"
    exit 1
fi
