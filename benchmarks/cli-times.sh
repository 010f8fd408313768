#!/usr/bin/env bash
# Times whole trialsim commands through the ./trialsim launcher, with its class-data-sharing archive
# and without it (TRIALSIM_CDS=off), alternating the two so that both see the same machine. Prints the
# median of the runs for each command and the ratio: the archive should make short commands start
# sooner and must not make long ones slower (a Java 17 archive recorded with the JIT on once made
# large simulations 1.5-2 times slower; see StartupTraining).
#
#   benchmarks/cli-times.sh [RUNS]     (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "cli-times: RUNS must be a positive whole number, not '$runs'" >&2
    exit 2
fi
./trialsim --version >/dev/null   # builds trialsim and records the archive if needed, outside the timing

commands=(
    "protocols"
    "simulate interfant-21"
    "simulate interfant-21 -n 1000000"
    "trial aall1331"
)

seconds() { # env-setting, command words... → elapsed seconds
    local setting=$1
    shift
    local start end
    start=$(date +%s.%N)
    env "$setting" ./trialsim "$@" >/dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN {print b - a}'
}

median() {
    sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

printf '%-36s %14s %14s %8s\n' "command ($runs runs, median seconds)" "with archive" "without" "ratio"
for command in "${commands[@]}"; do
    with=()
    without=()
    for ((i = 0; i < runs; i++)); do
        # shellcheck disable=SC2086 # the command's words are meant to split
        with+=("$(seconds TRIALSIM_CDS=on $command)")
        # shellcheck disable=SC2086
        without+=("$(seconds TRIALSIM_CDS=off $command)")
    done
    a=$(printf '%s\n' "${with[@]}" | median)
    b=$(printf '%s\n' "${without[@]}" | median)
    printf '%-36s %14.2f %14.2f %8.2f\n' "$command" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN {print a / b}')"
done
echo "ratio = with / without: below 1 where the archive helps; about 1 for long runs."
