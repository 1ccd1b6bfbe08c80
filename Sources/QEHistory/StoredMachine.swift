import Foundation
import QEResults

/// A machine as the store keys it: a short identifier derived from the
/// ``MachineIdentity/canonicalKey``, and the identity's one-line summary.
public struct StoredMachine: Hashable, Sendable {
    /// 16 hex digits of SHA-256 of the identity's canonical key: the same for every file
    /// measured on this kind of machine, different for any other.
    public var id: String
    /// ``MachineIdentity/summary``: the CPU, its identification, cores, OS, toolchain, build, and
    /// the fields that were not recorded.
    public var summary: String

    /// Creates a stored machine.
    public init(id: String, summary: String) {
        self.id = id
        self.summary = summary
    }

    /// The stored form of `identity`.
    public init(_ identity: MachineIdentity) {
        id = String(ContentDigest.of(text: identity.canonicalKey).prefix(16))
        summary = identity.summary
    }

    /// Whether `text` picks this machine in a filter: its identifier or a prefix of it (at
    /// least 4 digits), or a case-insensitive part of its summary (`EPYC`, `avx512f`).
    public func matches(_ text: String) -> Bool {
        if text.count >= 4 && id.hasPrefix(text.lowercased()) { return true }
        return summary.range(of: text, options: .caseInsensitive) != nil
    }
}
