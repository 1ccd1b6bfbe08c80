#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The clock the benchmark times with.
///
/// - `wall`: elapsed time (`CLOCK_MONOTONIC`), what a user waits; the default.
/// - `thread`: the CPU time of the measuring thread (`CLOCK_THREAD_CPUTIME_ID`). On a machine
///   whose cores are shared with other work, a call longer than the scheduler's time slice waits
///   for a core while the wall clock runs, so wall times of long calls grow with the load and
///   short calls do not; thread time leaves the waits out (not the cache misses that follow
///   them). `scripts/bench/numpy_attention.py --clock thread` measures NumPy the same way.
enum BenchmarkClock: String {
    case wall
    case thread

    /// Nanoseconds since an arbitrary origin, on this clock.
    @inline(__always)
    func nanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(self == .wall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
