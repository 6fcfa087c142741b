#!/usr/bin/env bash
# Runs each fuzz target briefly on top of its seed corpus (make fuzz).
# Minimising a new input is capped: a workbook is costly to re-open thousands of times.
# A run that fails without writing a failing input is the fuzzing engine itself giving up
# (on a busy machine its coordinator can time out a worker: "context deadline exceeded");
# that target is run once more. A failing input always fails the run.
set -uo pipefail
go=${GO:-go}
fuzztime=${FUZZTIME:-10s}
for pkg in $($go list ./...); do
  for f in $($go test -list '^Fuzz' "$pkg" | grep '^Fuzz'); do
    for try in 1 2; do
      echo "fuzz $pkg $f ($fuzztime)"
      out=$($go test -run '^$' -fuzz "^$f\$" -fuzztime "$fuzztime" -fuzzminimizetime 3s "$pkg" 2>&1)
      rc=$?
      echo "$out"
      [ $rc -eq 0 ] && break
      if grep -q 'Failing input written to' <<<"$out" || [ $try -eq 2 ]; then
        exit 1
      fi
      echo "fuzz: $f stopped without a failing input (the engine, not the code); running it once more"
    done
  done
done
