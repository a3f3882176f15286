#!/usr/bin/env bash
# Times the compiler on the ten networks of the benchmark and test suites, as an edit-and-build loop
# sees it: the project is built once (restore, the runtime, the generator, a warm compiler server),
# then its networks' sources are touched and the project rebuilt RUNS times; the compiler task's time
# (generator and compilation of what it writes) is read from MSBuild's performance summary.
# Prints the median, and the size of each generated file.
# Usage: bash benchmarks/compile-time/measure.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-7}

# Files of an earlier generator (other hint names) would be listed with this one's.
rm -rf obj/Release/*/generated
dotnet build -c Release > /dev/null
times=()
for _ in $(seq "$runs"); do
    touch Networks.cs ../NetGen.Benchmarks/Networks/BenchmarkNetworks.cs
    ms=$(dotnet build -c Release --no-restore --no-dependencies -clp:PerformanceSummary \
        | awk '$3 == "Csc" {print $1; exit}')
    times+=("$ms")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
echo "compiler task (generator and compilation), median of $runs rebuilds: $median ms (each: ${times[*]})"
echo
echo "| generated file | lines | bytes |"
echo "|---|---|---|"
find obj/Release -name '*.g.cs' -path '*NetworkGenerator*' | sort | while read -r file; do
    echo "| $(basename "$file") | $(wc -l < "$file") | $(wc -c < "$file") |"
done
