#!/usr/bin/env bash
# Runs the peers at their best, on one core: PyTorch (and numpy) with glibc's malloc thresholds raised,
# so that large tensors stay in the heap instead of being mmapped and unmapped every step (2-5x
# slower W5/W6 otherwise); OpenBLAS with its own kernel choice (OPENBLAS_CORETYPE and
# OPENBLAS_L2_SIZE unset for these processes only) and one thread. The thresholds must be in the
# environment before the process starts, hence this wrapper.
#
#   bash benchmarks/peers/run.sh                       # pytorch_workloads.py, then sgemm_ceiling.py
#   bash benchmarks/peers/run.sh --peak 118.2          # the same, with "% of peak" (the .NET suite's measured fp32 peak)
#   bash benchmarks/peers/run.sh --only W1,W5,W6       # those PyTorch rows, then the sgemm ceiling
#   bash benchmarks/peers/run.sh numpy_spiral.py       # one script, with its own arguments after it
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

export MALLOC_MMAP_THRESHOLD_=4000000000
export MALLOC_TRIM_THRESHOLD_=4000000000
export OMP_NUM_THREADS=1
export OPENBLAS_NUM_THREADS=1
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

# Debian's numpy and torch link libblas.so.3, which is whichever BLAS the alternatives system points
# at (possibly the slow reference BLAS); put OpenBLAS's first for these processes only.
openblas=/usr/lib/x86_64-linux-gnu/openblas-pthread
if [[ -e "$openblas/libblas.so.3" ]]; then
    export LD_LIBRARY_PATH="$openblas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
else
    echo "warning: $openblas not found (apt-get install libopenblas0-pthread); the peers run on whatever libblas.so.3 is" >&2
fi

python=/usr/bin/python3
if [[ $# -gt 0 && "$1" == *.py ]]; then
    script="$1"
    shift
    exec "$python" "$here/$(basename "$script")" "$@"
fi
"$python" "$here/pytorch_workloads.py" "$@"
echo
"$python" "$here/sgemm_ceiling.py" "$@"
