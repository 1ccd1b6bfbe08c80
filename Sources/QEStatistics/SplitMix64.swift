/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators";
/// the constants of Vigna's public-domain `splitmix64.c`), used only to derive independent,
/// well-spread seeds for the per-chunk generators of the bootstrap from one user seed.
///
/// Pure 64-bit integer arithmetic, so the derived seeds are the same on every machine.
enum SplitMix64 {
    /// The increment of the SplitMix64 stream (2⁶⁴ / φ, odd).
    static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The SplitMix64 output function (a variant of MurmurHash3's 64-bit finaliser).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Output number `index` (0-based) of the SplitMix64 stream whose state starts at `seed`:
    /// mix(seed + (index + 1) · increment), all modulo 2⁶⁴.
    static func output(seed: UInt64, index: UInt64) -> UInt64 {
        mix(seed &+ (index &+ 1) &* increment)
    }
}
