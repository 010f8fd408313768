#!/usr/bin/env bash
# The overhead of Spark against local threads on this machine (issue 17): ./trialsim-spark on an embedded
# local[2] against ./trialsim --threads 2, start-up included, for a 1,000,000-replicate two-arm trial and a
# 4-cell explore sweep (two sample sizes under the alternative and the null) of the same million trials
# (250,000 a cell), and the same sweep fifty times smaller (20,000 trials a cell), whose ratio shows Spark's
# fixed cost (a session's start-up, some 8 s of processor time) against a short run. Each round runs the two
# variants of a command one after the other, alternating which goes first, so that both see the same
# machine; the ratios printed are the medians of the rounds' ratios, of wall-clock time and of processor
# time (user + system, which a busy machine disturbs less), with the load average after each round. Both
# outputs are compared, byte for byte.
# Target: at most 1.3 times the local run's time.
#
#   benchmarks/spark-overhead.sh [RUNS] [REPLICATES]     (default 3 rounds, 1000000 replicates)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
replicates=${2:-1000000}
if ! [[ $runs =~ ^[1-9][0-9]*$ && $replicates =~ ^[1-9][0-9]*$ ]]; then
    echo "spark-overhead: RUNS and REPLICATES must be positive whole numbers" >&2
    exit 2
fi
# builds both outside the timing: trialsim-spark first, since its build packages the cli jar again, after
# which ./trialsim records its start-up archive anew
./trialsim-spark --version >/dev/null
./trialsim --version >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

commands=(
    "trial examples/two-arm-exponential.yaml -r $replicates"
    "explore --protocol examples/two-arm-exponential.yaml --vary design.sampleSize=180,220 --null -r $((replicates / 4))"
    "explore --protocol examples/two-arm-exponential.yaml --vary design.sampleSize=180,220 --null -r $((replicates / 50))"
)

seconds() {   # "WALL CPU": seconds of wall-clock and of processor time (user + system) the command takes, its output in $out/$1
    local name=$1
    shift
    /usr/bin/time -f '%e %U %S' -o "$out/$name.time" "$@" -q > "$out/$name" || { echo "spark-overhead: '$*' failed" >&2; return 1; }
    awk '{print $1, $2 + $3}' "$out/$name.time"
}

for command in "${commands[@]}"; do
    ratios=()
    cpu_ratios=()
    for ((i = 1; i <= runs; i++)); do
        l='' s=''
        if ((i % 2)); then
            read -r l lc < <(seconds local ./trialsim $command --threads 2)
            read -r s sc < <(seconds spark ./trialsim-spark --master 'local[2]' $command)
        else
            read -r s sc < <(seconds spark ./trialsim-spark --master 'local[2]' $command)
            read -r l lc < <(seconds local ./trialsim $command --threads 2)
        fi
        [[ -n ${l:-} && -n ${s:-} ]] || exit 1
        cmp -s "$out/local" "$out/spark" || { echo "spark-overhead: the outputs of '$command' differ" >&2; exit 1; }
        ratio=$(awk -v s="$s" -v l="$l" 'BEGIN {print s / l}')
        cpu_ratio=$(awk -v s="$sc" -v l="$lc" 'BEGIN {print s / l}')
        ratios+=("$ratio")
        cpu_ratios+=("$cpu_ratio")
        printf '%s  round %d: trialsim --threads 2 %.1f s (%.1f s processor), trialsim-spark local[2] %.1f s (%.1f s processor), ratio %.2f (%.2f processor); load %s\n' \
            "$command" "$i" "$l" "$lc" "$s" "$sc" "$ratio" "$cpu_ratio" "$(cut -d' ' -f1-3 /proc/loadavg)"
    done
    median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
    cpu_median=$(printf '%s\n' "${cpu_ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
    printf '%s: median ratio %.2f wall-clock, %.2f processor (target at most 1.3); outputs identical\n' "$command" "$median" "$cpu_median"
done
