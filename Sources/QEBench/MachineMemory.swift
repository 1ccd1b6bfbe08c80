import Foundation

/// How much memory the machine has: in total, and available now without swapping (Linux's
/// `MemAvailable` in /proc/meminfo, or the total where that cannot be read).
public struct MachineMemory: Sendable, Equatable {
    public var totalBytes: Int
    public var availableBytes: Int

    public init(totalBytes: Int, availableBytes: Int) {
        self.totalBytes = totalBytes
        self.availableBytes = availableBytes
    }

    /// This machine's figures now.
    public static func current() -> MachineMemory {
        let total = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        return MachineMemory(totalBytes: total, availableBytes: available() ?? total)
    }

    static func available() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kibibytes = Int(fields[1]) { return kibibytes * 1024 }
        }
        return nil
    }
}
