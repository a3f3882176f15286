"""Shared timing and reporting for the peer scripts: per-call times printed in the units
BenchmarkDotNet would choose (ns below 1 us, us below 1 ms, ms above)."""

import ctypes
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
    for name in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                 "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"):
        print(f"# {name}={os.environ.get(name, '(unset)')}")
    print_malloc()


def print_malloc():
    """Whether glibc's malloc hands a 10 MB block out of the heap (the thresholds took effect) or mmaps it."""
    try:
        libc = ctypes.CDLL("libc.so.6")

        class MallInfo2(ctypes.Structure):
            _fields_ = [(n, ctypes.c_size_t) for n in
                        ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

        libc.mallinfo2.restype = MallInfo2
        libc.malloc.restype = ctypes.c_void_p
        libc.free.argtypes = [ctypes.c_void_p]
        before = libc.mallinfo2().hblkhd
        block = libc.malloc(10_000_000)
        mapped = libc.mallinfo2().hblkhd - before >= 10_000_000
        libc.free(block)
        print(f"# malloc: a 10 MB block is {'mmapped (default thresholds: large tensors are mapped and unmapped every step)' if mapped else 'taken from the heap (raised thresholds in effect)'}")
    except (OSError, AttributeError):
        print("# malloc: not glibc 2.33+, thresholds not checked")


def _openblas_libraries():
    """The OpenBLAS libraries this process has loaded (numpy's, torch's), opened through ctypes."""
    try:
        with open("/proc/self/maps") as maps:
            paths = sorted({line.split()[-1] for line in maps if "openblas" in line and line.split()[-1].startswith("/")})
    except OSError:
        return []
    libraries = []
    for path in paths:
        try:
            library = ctypes.CDLL(path)
            library.openblas_get_corename.restype = ctypes.c_char_p
            library.openblas_get_config.restype = ctypes.c_char_p
            library.openblas_get_num_threads.restype = ctypes.c_int
            libraries.append((path, library))
        except (OSError, AttributeError):
            pass
    return libraries


def limit_blas_threads(count):
    """Caps OpenBLAS's own thread pool (apart from torch's intra-op threads): threadpoolctl if it is
    installed, else openblas_set_num_threads on every OpenBLAS loaded. Returns the count set, or None."""
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(limits=count, user_api="blas")
        return count
    except ImportError:
        pass
    libraries = _openblas_libraries()
    for _, library in libraries:
        library.openblas_set_num_threads(count)
    return count if libraries else None


def print_blas():
    libraries = _openblas_libraries()
    seen = set()
    for path, library in libraries:
        line = (f"{library.openblas_get_config().decode()}, kernel {library.openblas_get_corename().decode()}, "
                f"{library.openblas_get_num_threads()} threads")
        if line not in seen:
            seen.add(line)
            print(f"# BLAS: {line}, {path}")
    try:
        with open("/proc/self/maps") as maps:
            others = sorted({l.split()[-1] for l in maps if "blas" in l and "openblas" not in l})
    except OSError:
        others = []
    if not libraries:
        print(f"# BLAS: no OpenBLAS loaded ({', '.join(others) or 'none'}): install libopenblas0-pthread and run through peers/run.sh")


def print_row(workload, what, median, minimum, number, flops=None, peak=None):
    """One result line; with `flops`, GFLOP/s of the median (and of the minimum), and with `peak`
    (the .NET suite's measured FMA peak, GFLOP/s) the median's percentage of it."""
    extra = ""
    if flops:
        gflops, best = flops / median / 1e9, flops / minimum / 1e9
        extra = f"  {gflops:7.2f} GFLOP/s median {best:7.2f} best"
        if peak:
            extra += f"  {100 * gflops / peak:5.1f}% of {peak:g}"
    print(f"{workload:<4} {what:<44} {format_time(median):>12} median  {format_time(minimum):>12} min  ({number} calls x 7){extra}", flush=True)
