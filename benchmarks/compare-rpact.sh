#!/usr/bin/env bash
# Simulates one fixed two-arm survival design with rpact (R) and with trialsim, and prints both tools'
# time, power and analysis time side by side. The design (examples/two-arm-exponential.yaml): control
# median 12 months, hazard ratio 0.6, 220 patients accrued evenly over 22 months, 1:1, one log-rank
# analysis at 120 events, one-sided alpha 0.025.
#
#   benchmarks/compare-rpact.sh [REPLICATES]     (default 100000)
#
# Times are whole processes: Rscript from start to exit (loading rpact included) and the trialsim
# command from start to exit (JVM start-up and the estimate of the true effect included), on one thread
# (rpact's simulation is single-threaded) and on all processors. rpact's getSimulationSurvival call
# alone is shown too. Needs R with rpact:
#   sudo apt-get install r-base-core r-cran-rpact
set -euo pipefail
cd "$(dirname "$0")/.."
replicates=${1:-100000}
if ! [[ $replicates =~ ^[1-9][0-9]*$ ]]; then
    echo "compare-rpact: REPLICATES must be a positive whole number, not '$replicates'" >&2
    exit 2
fi
if ! command -v Rscript >/dev/null || ! Rscript -e 'suppressMessages(library(rpact))' >/dev/null 2>&1; then
    echo "compare-rpact: needs R with the rpact package; on Debian or Ubuntu: sudo apt-get install r-base-core r-cran-rpact" >&2
    exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./trialsim --version >/dev/null   # builds trialsim if needed, outside the timing

rpact_start=$(date +%s.%N)
Rscript - "$replicates" >"$work/rpact.txt" <<'RSCRIPT'
suppressMessages(library(rpact))
r <- as.integer(commandArgs(trailingOnly = TRUE)[1])
design <- getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)
time <- system.time(s <- getSimulationSurvival(design = design, lambda2 = log(2) / 12, hazardRatio = 0.6,
    directionUpper = FALSE, maxNumberOfSubjects = 220, accrualTime = c(0, 22), plannedEvents = 120,
    maxNumberOfIterations = r, seed = 1))
cat(sprintf("%.3f %.5f %.3f %s\n", time[["elapsed"]], s$overallReject, s$analysisTime[1],
    as.character(packageVersion("rpact"))))
RSCRIPT
rpact_end=$(date +%s.%N)
read -r rpact_call rpact_power rpact_months rpact_version <"$work/rpact.txt"
rpact_seconds=$(python3 -c "print(f'{$rpact_end - $rpact_start:.3f}')")

run_trialsim() { # threads → "seconds power months"
    local start end
    start=$(date +%s.%N)
    ./trialsim trial examples/two-arm-exponential.yaml -r "$replicates" -t "$1" -s 1 -f json -o "$work/trialsim.json"
    end=$(date +%s.%N)
    python3 - "$work/trialsim.json" "$start" "$end" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["analyses"][0]
print(f"{float(sys.argv[3]) - float(sys.argv[2]):.3f} {a['rejection']['value']:.5f} {a['durationMonths']['mean']:.3f}")
PY
}
processors=$(nproc)
read -r one_seconds one_power one_months < <(run_trialsim 1)
read -r all_seconds all_power all_months < <(run_trialsim "$processors")

se() { python3 -c "import math; p=$1; print(f'{100*math.sqrt(p*(1-p)/$replicates):.2f}')"; }
row() { # tool threads seconds power months
    printf '%-22s %7s %9.2f %12.0f %9.2f%% ± %s %8.2f\n' "$1" "$2" "$3" "$(python3 -c "print($replicates/$3)")" \
        "$(python3 -c "print(100*$4)")" "$(se "$4")" "$5"
}
echo "Fixed design, $replicates simulated trials each (examples/two-arm-exponential.yaml); whole-process seconds"
printf '%-22s %7s %9s %12s %17s %8s\n' tool threads seconds "trials/s" "power" months
row "rpact $rpact_version" 1 "$rpact_seconds" "$rpact_power" "$rpact_months"
row "trialsim" 1 "$one_seconds" "$one_power" "$one_months"
row "trialsim" "$processors" "$all_seconds" "$all_power" "$all_months"
python3 - "$rpact_seconds" "$one_seconds" "$all_seconds" "$processors" "$rpact_call" <<'PY'
import sys
r, one, many, p, call = map(float, sys.argv[1:])
print(f"rpact time / trialsim time: {r / one:.2f} on 1 thread, {r / many:.2f} on {int(p)} threads"
      f" (rpact's getSimulationSurvival call alone: {call:.2f} s)")
PY
echo "Power and months are Monte Carlo estimates; the two tools' powers should differ by less than about 3 standard errors."
