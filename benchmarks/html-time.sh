#!/usr/bin/env bash
# What writing a report as an HTML page adds to a run: each round runs the same command through the
# ./trialsim launcher (with its start-up archive) once with --format json and once with --format html,
# in alternating order, and takes the processor time (user + system, every thread of the JVM: the JIT
# and the collector too) and the wall-clock time of each. The added time is the median over the rounds
# of html − json in the same round, which holds up on a machine shared with other work; the issue's
# budget is 100 ms. The text table is timed too, as the format a person would otherwise read.
#
#   benchmarks/html-time.sh [RUNS] [COMMAND...]
#       RUNS     rounds (default 9)
#       COMMAND  the trialsim command without --format (default: simulate interfant-21 -n 2000 -t 1 -q)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "html-time: RUNS must be a positive whole number, not '$runs'" >&2
    exit 2
fi
shift || true
if [ $# -eq 0 ]; then
    set -- simulate interfant-21 -n 2000 -t 1 -q
fi
./trialsim --version >/dev/null   # builds trialsim and records the archive if needed, outside the timing
out=$(mktemp -d "${TMPDIR:-/tmp}/html-time.XXXXXX")
trap 'rm -rf "$out"' EXIT

timed() { # format -> "cpu-ms wall-ms" of one run writing that format to a file of the temporary folder
    /usr/bin/time -f '%U %S %e' -o "$out/time" ./trialsim "$@" --out "$out/result" >/dev/null 2>"$out/err" \
        || { echo "html-time: trialsim $* failed:" >&2; cat "$out/err" >&2; exit 1; }
    awk '{printf "%.0f %.0f\n", 1000 * ($1 + $2), 1000 * $3}' "$out/time"
}

median() { # numbers, one a line -> their median
    sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

declare -A cpu wall
for ((r = 0; r < runs; r++)); do
    # alternate the order, so that neither format always runs on a machine warmed (or loaded) by the other
    if ((r % 2 == 0)); then order=(json html table); else order=(table html json); fi
    for f in "${order[@]}"; do
        read -r c w < <(timed "$@" --format "$f")
        cpu[$f]+=" $c"
        wall[$f]+=" $w"
    done
done

added() { # "a1 a2 ..." "b1 b2 ..." -> the median of a_i − b_i
    awk -v a="$1" -v b="$2" 'BEGIN {n = split(a, x, " "); split(b, y, " "); for (i = 1; i <= n; i++) print x[i] - y[i]}' | median
}

echo "trialsim $* ($runs rounds, medians; processor time = user + system of every thread)"
printf '%-8s %14s %12s\n' "format" "processor ms" "wall ms"
for f in json table html; do
    printf '%-8s %14s %12s\n' "$f" "$(tr ' ' '\n' <<<"${cpu[$f]}" | grep . | median)" "$(tr ' ' '\n' <<<"${wall[$f]}" | grep . | median)"
done
printf 'html − json, same round: %s ms of processor time, %s ms wall clock (budget: 100 ms)\n' \
    "$(added "${cpu[html]}" "${cpu[json]}")" "$(added "${wall[html]}" "${wall[json]}")"
printf 'html − table, same round: %s ms of processor time, %s ms wall clock\n' \
    "$(added "${cpu[html]}" "${cpu[table]}")" "$(added "${wall[html]}" "${wall[table]}")"
