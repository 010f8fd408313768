#!/usr/bin/env bash
# Times whole trialsim commands through the ./trialsim launcher, against a bare JVM (`java -version`, run
# by the same `java` the launcher runs) and with the launcher's start-up archive against without it
# (TRIALSIM_CDS=off). Each round runs the bare JVM, then every command with and without the archive, so
# that all of them see the same machine; a ratio is the median of the rounds' ratios, which holds up
# better than a ratio of medians on a machine shared with other work. The processor time (user + system)
# of each run is shown too, with its ratio to the bare JVM's: when the machine is busy, waiting for a
# processor stretches the elapsed times, and the processor times show the change of a command itself.
#
# Start-up targets: protocols and validate of a built-in within 3 times the bare JVM, simulate
# interfant-21 (100,000 patients) within 6 times. The archive must make short commands start sooner and
# must not make long ones slower (a Java 17 archive recorded with the JIT on once made large
# simulations 1.5-2 times slower; see StartupTraining): the last column should be about 1 for them.
#
# It times the `java` on the path, as the launcher runs it; with Java 25 or later the launcher uses the
# JDK's ahead-of-time cache instead of the archive (TRIALSIM_CDS=off turns off either), e.g.
#   PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH benchmarks/cli-times.sh
#
#   benchmarks/cli-times.sh [RUNS]     (default 5)
set -euo pipefail
export LC_ALL=C # the decimal point of the times, whatever the locale
cd "$(dirname "$0")/.."
runs=${1:-5}
if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
    echo "cli-times: RUNS must be a positive whole number, not '$runs'" >&2
    exit 2
fi
commands=(
    "protocols"
    "validate interfant-21"
    "simulate interfant-21"
    "simulate interfant-21 -n 1000000"
    "trial aall1331"
)
targets=(3 3 6 - -)
# builds trialsim if needed and records its start-up archives outside the timing: the whole one, and
# those of protocols and validate, which have one of their own recorded at their first run after a build
./trialsim --version >/dev/null
./trialsim protocols >/dev/null
./trialsim validate interfant-21 >/dev/null

times_of() { # command words... -> "wall cpu": elapsed and processor (user + system) seconds, its output thrown away
    local TIMEFORMAT='%3R %3U %3S' t
    t=$({ time "$@" >/dev/null 2>&1; } 2>&1)
    awk -v t="$t" 'BEGIN {split(t, x, " "); print x[1], x[2] + x[3]}'
}

median() { # numbers, one a line -> their median
    sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

ratios() { # "a1 a2 ..." "b1 b2 ..." -> a1/b1, a2/b2, ..., one a line
    awk -v a="$1" -v b="$2" 'BEGIN {n = split(a, x, " "); split(b, y, " "); for (i = 1; i <= n; i++) print x[i] / y[i]}'
}

jvm=""
jvm_cpu=""
declare -A with with_cpu without
for ((r = 0; r < runs; r++)); do
    read -r wall cpu < <(times_of java -version)
    jvm+=" $wall"
    jvm_cpu+=" $cpu"
    for command in "${commands[@]}"; do
        # shellcheck disable=SC2086 # the command's words are meant to split
        read -r wall cpu < <(times_of env TRIALSIM_CDS=on ./trialsim $command)
        with[$command]+=" $wall"
        with_cpu[$command]+=" $cpu"
        # shellcheck disable=SC2086
        read -r wall cpu < <(times_of env TRIALSIM_CDS=off ./trialsim $command)
        without[$command]+=" $wall"
    done
done

java -version 2>&1 | head -n 1
printf '%-34s %9s %9s %7s %9s %9s %10s %9s\n' "command ($runs runs, median)" "seconds" "/ JVM" "target" "processor" "/ JVM" \
    "no archive" "with/no"
printf '%-34s %9.3f %9s %7s %9.3f\n' "java -version (the bare JVM)" "$(tr ' ' '\n' <<<"$jvm" | grep . | median)" "" "" \
    "$(tr ' ' '\n' <<<"$jvm_cpu" | grep . | median)"
for i in "${!commands[@]}"; do
    command=${commands[$i]}
    printf '%-34s %9.3f %9.2f %7s %9.3f %9.2f %10.3f %9.2f\n' "$command" \
        "$(tr ' ' '\n' <<<"${with[$command]}" | grep . | median)" \
        "$(ratios "${with[$command]}" "$jvm" | median)" \
        "${targets[$i]}" \
        "$(tr ' ' '\n' <<<"${with_cpu[$command]}" | grep . | median)" \
        "$(ratios "${with_cpu[$command]}" "$jvm_cpu" | median)" \
        "$(tr ' ' '\n' <<<"${without[$command]}" | grep . | median)" \
        "$(ratios "${with[$command]}" "${without[$command]}" | median)"
done
echo "seconds: through ./trialsim with its archive; / JVM: each run over the bare JVM's run of its round; processor: user +"
echo "system seconds of the same runs, which a busy machine (see the load average) stretches less than the elapsed time;"
echo "with/no: with the archive over without (TRIALSIM_CDS=off), below 1 where it helps and about 1 for long runs."
echo "load average: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown)"
