#!/usr/bin/env bash
# Simulates a list of two-arm survival designs with rpact (R) and with trialsim, each at each number of
# replicates, and prints per design both tools' times, their ratio, both powers and the difference of the
# powers in standard errors. The designs (each file's head gives the rpact call):
#   examples/two-arm-exponential.yaml   fixed, 1:1, exponential, 220 patients, one analysis at 120 events
#   examples/two-arm-two-to-one.yaml    fixed, 2:1, exponential, 330 patients, one analysis at 180 events
#   examples/three-look-piecewise.yaml  three looks (80, 160, 240 events), O'Brien-Fleming-type bounds,
#                                       non-binding futility bounds, piecewise-exponential hazards
#   two-arm-exponential.yaml, NI 1.3    non-inferiority at a hazard-ratio margin of 1.3 (thetaH0 = 1.3), arms
#                                       equal, 600 patients, one analysis at 300 events (--set on the first file)
#
#   benchmarks/compare-rpact.sh [REPLICATES...]     (default 100000 10000)
#
# Times are whole processes: Rscript from start to exit (loading rpact included) and the trialsim command
# from start to exit (JVM start-up and the analysis's summary included), on one thread (rpact's simulation
# is single-threaded) and on all processors; and the processor seconds (user + system) of rpact's process
# against trialsim's on one thread, a ratio that other work on the machine changes less than wall times
# (GNU time, /usr/bin/time, measures them). rpact's getSimulationSurvival call alone is shown too. Both
# tools use seed 1, but their random numbers differ: the powers agree within Monte Carlo error (the
# difference over its standard error is below 3 in all but about 1 comparison in 370), not to the digit.
# After the first design, a row times the yardstick of issue 12 on the same design: DesignLoop, a trial loop
# written for that one design (the engine's random numbers, no protocol read, no report; see
# benchmarks/src/main/java/org/trialsim/benchmarks/DesignLoopProcess.java), as a whole process on 1 thread
# and on all processors, against the same rpact time. It needs the benchmarks' jar, which the script builds
# with Maven when it is missing or older than the benchmarks' sources (mvn -B -q -pl benchmarks -am package
# -DskipTests).
# Needs R with rpact; without it the script says so and stops (exit 0):
#   sudo apt-get install r-base-core r-cran-rpact
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100000 10000)
for r in "${counts[@]}"; do
    if ! [[ $r =~ ^[1-9][0-9]*$ ]]; then
        echo "compare-rpact: REPLICATES must be positive whole numbers, not '$r'" >&2
        exit 2
    fi
done
if ! command -v Rscript >/dev/null || ! Rscript -e 'suppressMessages(library(rpact))' >/dev/null 2>&1; then
    echo "compare-rpact: skipped: needs R with the rpact package (on Debian or Ubuntu: sudo apt-get install r-base-core r-cran-rpact)" >&2
    exit 0
fi

# file | rpact design | the other arguments of getSimulationSurvival, in months | trialsim's --set changes (optional)
designs=(
    "examples/two-arm-exponential.yaml|getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)|lambda2 = log(2) / 12, hazardRatio = 0.6, directionUpper = FALSE, maxNumberOfSubjects = 220, accrualTime = c(0, 22), plannedEvents = 120"
    "examples/two-arm-two-to-one.yaml|getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)|lambda2 = log(2) / 18, hazardRatio = 0.65, directionUpper = FALSE, maxNumberOfSubjects = 330, accrualTime = c(0, 22), allocation1 = 2, allocation2 = 1, plannedEvents = 180"
    "examples/three-look-piecewise.yaml|getDesignGroupSequential(kMax = 3, alpha = 0.025, sided = 1, typeOfDesign = \"asOF\", informationRates = c(1, 2, 3) / 3, futilityBounds = c(0, 0.5), bindingFutility = FALSE)|piecewiseSurvivalTime = c(0, 6), lambda2 = c(0.06, 0.03), hazardRatio = 0.7, directionUpper = FALSE, maxNumberOfSubjects = 400, accrualTime = c(0, 20), plannedEvents = c(80, 160, 240)"
    "examples/two-arm-exponential.yaml|getDesignGroupSequential(kMax = 1, alpha = 0.025, sided = 1)|lambda2 = log(2) / 12, hazardRatio = 1, thetaH0 = 1.3, directionUpper = FALSE, maxNumberOfSubjects = 600, accrualTime = c(0, 24), plannedEvents = 300|outcomes.deathInRemission[0].hazardRatio=1 design.sampleSize=600 design.accrual.patientsPerMonth=25 design.analysis.events=300 design.analysis.margin=1.3 design.analysis.hypothesis=non-inferiority"
)

if [ ! -x /usr/bin/time ]; then
    echo "compare-rpact: skipped: needs GNU time as /usr/bin/time for the processor seconds (on Debian or Ubuntu: sudo apt-get install time)" >&2
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./trialsim --version >/dev/null   # builds trialsim (and its start-up archive) if needed, outside the timing
loop_jar=benchmarks/target/benchmarks.jar
if [ ! -f "$loop_jar" ] || [ -n "$(find benchmarks/pom.xml benchmarks/src/main -newer "$loop_jar" -print)" ]; then
    echo "compare-rpact: building the benchmarks' jar for the loop row (mvn -pl benchmarks -am package)..." >&2
    mvn -B -q -Dstyle.color=never -pl benchmarks -am package -DskipTests >&2
fi
processors=$(nproc)

processor_seconds() { # a file of /usr/bin/time's "%U %S" (its last line) → user + system seconds
    tail -n 1 "$1" | python3 -c "import sys; print(f'{sum(map(float, sys.stdin.read().split())):.3f}')"
}

run_rpact() { # replicates design arguments → "seconds call-seconds power version processor-seconds"
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/rpact.cpu" Rscript - "$1" "$2" "$3" >"$work/rpact.txt" <<'RSCRIPT'
suppressMessages(library(rpact))
a <- commandArgs(trailingOnly = TRUE)
r <- as.integer(a[1])
design <- eval(parse(text = a[2]))
call <- paste0("getSimulationSurvival(design = design, ", a[3], ", maxNumberOfIterations = r, seed = 1)")
time <- system.time(s <- eval(parse(text = call)))
cat(sprintf("%.3f %.6f %s\n", time[["elapsed"]], s$overallReject, as.character(packageVersion("rpact"))))
RSCRIPT
    end=$(date +%s.%N)
    read -r call power version <"$work/rpact.txt"
    echo "$(python3 -c "print(f'{$end - $start:.3f}')") $call $power $version $(processor_seconds "$work/rpact.cpu")"
}

run_trialsim() { # replicates threads file settings → "seconds power processor-seconds"
    local start end setting
    local -a sets=()
    for setting in $4; do
        sets+=(--set "$setting")
    done
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/trialsim.cpu" ./trialsim trial "$3" -r "$1" -t "$2" -s 1 -f json -o "$work/trialsim.json" "${sets[@]}"
    end=$(date +%s.%N)
    python3 - "$work/trialsim.json" "$start" "$end" "$(processor_seconds "$work/trialsim.cpu")" <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["analyses"][0]
print(f"{float(sys.argv[3]) - float(sys.argv[2]):.3f} {a['rejection']['value']:.6f} {sys.argv[4]}")
PY
}

run_loop() { # replicates threads → "seconds power processor-seconds"
    local start end power
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$work/loop.cpu" java -XX:+UseSerialGC -cp "$loop_jar" org.trialsim.benchmarks.DesignLoopProcess "$1" "$2" >"$work/loop.txt"
    end=$(date +%s.%N)
    read -r power _ <"$work/loop.txt"
    echo "$(python3 -c "print(f'{$end - $start:.3f}')") $power $(processor_seconds "$work/loop.cpu")"
}

printf '%-34s %8s %8s %8s %8s %8s %12s %9s %8s %8s %7s\n' design replicates rpact "(call)" "ts 1 th" "ts $processors th" \
    "rpact÷ts 1/$processors" "cpu÷cpu 1" "power R" "power ts" "diff/se"
for r in "${counts[@]}"; do
    for entry in "${designs[@]}"; do
        IFS='|' read -r file rdesign rargs settings <<<"$entry"
        read -r rp_seconds rp_call rp_power rp_version rp_cpu < <(run_rpact "$r" "$rdesign" "$rargs")
        read -r one_seconds one_power one_cpu < <(run_trialsim "$r" 1 "$file" "$settings")
        read -r all_seconds all_power all_cpu < <(run_trialsim "$r" "$processors" "$file" "$settings")
        if [ "$one_power" != "$all_power" ]; then
            echo "compare-rpact: trialsim gave different powers on 1 and $processors threads ($one_power, $all_power)" >&2
            exit 1
        fi
        name=$file
        [ -z "$settings" ] || name="${file#examples/}, NI 1.3"
        python3 - "$name" "$r" "$rp_seconds" "$rp_call" "$one_seconds" "$all_seconds" "$rp_power" "$all_power" "$rp_cpu" "$one_cpu" <<'PY'
import math, sys
name, r = sys.argv[1], int(sys.argv[2])
rp, call, one, many, p_r, p_t, rp_cpu, one_cpu = map(float, sys.argv[3:])
se = math.sqrt(p_r * (1 - p_r) / r + p_t * (1 - p_t) / r)
ratio = f"{rp / one:.1f} / {rp / many:.1f}"
print(f"{name.removeprefix('examples/'):<34} {r:>8} {rp:>8.2f} {call:>8.2f} {one:>8.2f} {many:>8.2f} {ratio:>12} {rp_cpu / one_cpu:>9.1f}"
      f" {100 * p_r:>7.2f}% {100 * p_t:>7.2f}% {(p_t - p_r) / se:>7.2f}")
PY
        if [ "$file" = examples/two-arm-exponential.yaml ] && [ -z "$settings" ]; then
            read -r one_seconds one_power one_cpu < <(run_loop "$r" 1)
            read -r all_seconds all_power all_cpu < <(run_loop "$r" "$processors")
            python3 - "$r" "$rp_seconds" "$one_seconds" "$all_seconds" "$rp_cpu" "$one_cpu" "$rp_power" "$all_power" <<'PY'
import math, sys
r = int(sys.argv[1])
rp, one, many, rp_cpu, one_cpu, p_r, p_t = map(float, sys.argv[2:])
se = math.sqrt(p_r * (1 - p_r) / r + p_t * (1 - p_t) / r)
ratio = f"{rp / one:.1f} / {rp / many:.1f}"
print(f"{'  the loop written for it':<34} {r:>8} {rp:>8.2f} {'':>8} {one:>8.2f} {many:>8.2f} {ratio:>12} {rp_cpu / one_cpu:>9.1f}"
      f" {100 * p_r:>7.2f}% {100 * p_t:>7.2f}% {(p_t - p_r) / se:>7.2f}")
PY
        fi
    done
done
echo "rpact $rp_version; seconds are whole processes (rpact's getSimulationSurvival call alone in brackets);"
echo "ts = trialsim on 1 thread and on $processors; cpu÷cpu 1 = rpact's processor seconds (user + system, whole process) over"
echo "trialsim's on 1 thread, which a busy machine distorts less than wall time; diff/se = (trialsim's power - rpact's) / the"
echo "standard error of the difference. \"the loop written for it\" is DesignLoopProcess (issue 12's yardstick: the first"
echo "design's loop, hand-written, no protocol or report) timed the same way against the same rpact run."
