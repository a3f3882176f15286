"""Shared timing and reporting for the peer scripts: per-call times printed in the units
BenchmarkDotNet would choose (ns below 1 us, us below 1 ms, ms above)."""

import os
import platform
import statistics
import timeit


def time_per_call(fn, target_seconds=0.2, repeats=7):
    """Median and minimum time per call in seconds over `repeats` runs of an auto-sized loop."""
    fn()
    fn()
    timer = timeit.Timer(fn)
    number, elapsed = timer.autorange()
    number = max(1, int(number * target_seconds / max(elapsed, 1e-9)))
    runs = [t / number for t in timer.repeat(repeat=repeats, number=number)]
    return statistics.median(runs), min(runs), number


def format_time(seconds):
    ns = seconds * 1e9
    if ns < 1e3:
        return f"{ns:,.1f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:,.3f} us"
    return f"{ns / 1e6:,.3f} ms"


def print_header(title):
    print(f"# {title}")
    print(f"# python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cpus")
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
        print(f"# {name}={os.environ.get(name, '(unset)')}")


def limit_blas_threads(count):
    """Caps OpenBLAS's own thread pool (apart from torch's intra-op threads); needs threadpoolctl."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return None
    return threadpool_limits(limits=count, user_api="blas")


def print_blas():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        print("# BLAS: threadpoolctl is not installed (apt-get install python3-threadpoolctl), kernel unknown")
        return
    for pool in threadpool_info():
        if pool.get("user_api") == "blas":
            print(f"# BLAS: {pool.get('internal_api')} {pool.get('version')}, kernel {pool.get('architecture')}, "
                  f"{pool.get('threading_layer')}, {pool.get('num_threads')} threads, {pool.get('filepath')}")


def print_row(workload, what, median, minimum, number, flops=None):
    extra = ""
    if flops:
        gflops = flops / median / 1e9
        extra = f"  {gflops:7.2f} GFLOP/s  {100 * gflops / 117:5.1f}% of 117"
    print(f"{workload:<4} {what:<44} {format_time(median):>12} median  {format_time(minimum):>12} min  ({number} calls x 7){extra}")
