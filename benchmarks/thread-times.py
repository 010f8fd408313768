#!/usr/bin/env python3
"""Runs a command and prints its processor seconds per thread name, the wall time and user + system time.

    benchmarks/thread-times.py [--line] COMMAND [ARGUMENTS...]

e.g. benchmarks/thread-times.py java -XX:SharedArchiveFile=cli/target/trialsim.jsa -Xlog:cds=off \\
         -cp cli/target/trialsim.jar org.trialsim.cli.Main trial examples/two-arm-exponential.yaml -r 100000 -t 2 -q -o /tmp/t.json

Linux only: every 20 ms it reads each thread's user and system ticks from /proc/PID/task/*/stat and keeps
the last reading of each thread, so a thread that ends loses at most its last 20 ms (threads that live
less than 20 ms may be missed). Threads are grouped by name without their number ("GC Thread#0" and
"GC Thread#1" are "GC Thread"); Java's main thread is named "java", and the launcher's first thread too,
which does next to nothing. The command should be java itself, not a script that starts it: the threads
read are the command's own process's. With --line, one line: wall, user + system, and the main thread,
the workers ("trialsim-worker"), C2 and C1.
"""
import collections
import os
import subprocess
import sys
import time


def main(argv):
    line = argv[:1] == ["--line"]
    command = argv[1:] if line else argv
    if not command:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    tick = os.sysconf("SC_CLK_TCK")
    start = time.time()
    child = subprocess.Popen(command)
    ticks, names = {}, {}
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            wall = time.time() - start
            break
        try:
            tids = os.listdir(f"/proc/{child.pid}/task")
        except OSError:
            tids = []
        for tid in tids:
            try:
                with open(f"/proc/{child.pid}/task/{tid}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            ticks[tid] = int(fields[11]) + int(fields[12])
            names[tid] = name
        time.sleep(0.02)
    seconds = collections.defaultdict(float)
    count = collections.Counter()
    for tid, t in ticks.items():
        name = names[tid]
        group = name if name.startswith("C1 ") or name.startswith("C2 ") else name.rstrip("0123456789#")
        seconds[group] += t / tick
        count[group] += 1
    cpu = usage.ru_utime + usage.ru_stime
    if line:
        print(f"wall {wall:.2f} cpu {cpu:.2f} main {seconds['java']:.2f} workers {seconds['trialsim-worker']:.2f}"
              f" C2 {seconds.get('C2 CompilerThre', 0):.2f} C1 {seconds.get('C1 CompilerThre', 0):.2f}")
    else:
        print(f"wall {wall:.2f} s, user + system {cpu:.2f} s ({usage.ru_utime:.2f} + {usage.ru_stime:.2f})")
        for group, s in sorted(seconds.items(), key=lambda x: -x[1]):
            if s > 0:
                print(f"  {group:24s} {s:6.2f} s ({count[group]} thread{'' if count[group] == 1 else 's'})")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
