#!/usr/bin/env bash
# Wall time from process start to exit of the README's first program (train the spiral classifier,
# evaluate it, print), as the package consumer runs it: under JIT, and published with NativeAOT for
# the default instruction set, for x86-64-v3, for x86-64-v4 and for the build machine's own.
# Prints the median of RUNS runs of each, the hashes of the parameters that the spiral (2-10-3) and
# the consumer's digits classifier (64-32-10, Adam) trained to, and the file sizes.
# Usage: bash benchmarks/startup.sh [RUNS]     (needs clang and zlib1g-dev for NativeAOT)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
consumer=tests/PackageConsumer
out=artifacts/startup

rm -rf artifacts/packages artifacts/consumer-packages/netgen artifacts/consumer-packages/netgen.plotting "$out"
dotnet pack -c Release -o artifacts/packages > /dev/null

dotnet publish "$consumer" -c Release -o "$out/jit" > /dev/null
for set in default x86-64-v3 x86-64-v4 native; do
    value=$set
    [ "$set" = default ] && value=
    dotnet publish "$consumer" -c Release -r linux-x64 -p:PublishAot=true -p:IlcInstructionSet="$value" \
        -o "$out/aot-$set" > /dev/null
done

median_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" --first-program-only > /dev/null
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)] / 1000}'
}

grep -m 1 "model name" /proc/cpuinfo
row() {
    local name=$1
    shift
    local hashes
    hashes=$("$@" | sed -n "s/.*hash //p" | xargs | sed "s/ / | /")
    echo "| $name | $(median_ms "$@") | $hashes |"
}

echo "| build | wall time, median of $runs (ms) | spiral's parameters (hash) | digits' parameters (hash) |"
echo "|---|---|---|---|"
row "JIT (dotnet PackageConsumer.dll)" dotnet "$out/jit/PackageConsumer.dll"
for set in default x86-64-v3 x86-64-v4 native; do
    row "NativeAOT, $set" "$out/aot-$set/PackageConsumer"
done
echo
echo "native binary: $(stat -c %s "$out/aot-native/PackageConsumer") bytes"
ls -l artifacts/packages | awk 'NR > 1 {print $9 ": " $5 " bytes"}'
