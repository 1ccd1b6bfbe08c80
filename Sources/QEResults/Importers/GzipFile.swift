internal import CZlib

/// Reads gzip files (RFC 1952), such as the `.json.gz` files pyperf writes, through zlib: every
/// member of the file (gzip allows several, concatenated), with zlib checking each member's
/// CRC-32 and length.
enum GzipFile {
    /// The most bytes a compressed file may expand to (1 GiB): a small file that claims more is
    /// refused rather than filling the memory.
    static let decompressedLimit = 1 << 30

    /// Whether `bytes` start with gzip's magic number (1f 8b).
    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed content of the gzip file `bytes`, read from `source`.
    /// - Parameter limit: the most bytes the content may have (``decompressedLimit``).
    /// - Throws: ``ResultsError`` `.malformedText` (exit 65) when the file is cut off, corrupt
    ///   (a CRC or length that does not match) or would expand beyond `limit`.
    /// - Complexity: O(n) in the decompressed size.
    static func decompress(_ bytes: [UInt8], source: String, limit: Int = decompressedLimit) throws(ResultsError) -> [UInt8] {
        switch inflate(bytes, limit: limit) {
        case let .success(output):
            return output
        case let .failure(failure):
            let detail: String
            switch failure {
            case .truncated: detail = "the compressed data are cut off (is the file complete?)"
            case let .corrupt(reason): detail = "the data are corrupt: \(reason)"
            case .tooLarge: detail = "it expands beyond \(limit) bytes; qe-validate reads at most \(limit) bytes of decompressed data"
            case .outOfMemory: detail = "there is not enough memory to decompress it"
            }
            throw ResultsError(file: source, problem: .malformedText, detail: "gzip-compressed, but \(detail)")
        }
    }

    /// Why zlib could not read a file.
    enum Failure: Error, Equatable {
        case truncated
        case corrupt(String)
        case tooLarge
        case outOfMemory
    }

    /// Inflates every member of `bytes`; trailing zero bytes (padding some writers add) are
    /// ignored, anything else after a member must be another member.
    private static func inflate(_ bytes: [UInt8], limit: Int) -> Result<[UInt8], Failure> {
        var stream = z_stream()
        guard qe_zlib_inflate_init_gzip(&stream) == Z_OK else { return .failure(.outOfMemory) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return bytes.withUnsafeBufferPointer { input -> Result<[UInt8], Failure> in
            guard let base = input.baseAddress, !input.isEmpty else { return .failure(.truncated) }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(input.count)
            while true {
                var status: Int32 = Z_OK
                let produced = chunk.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                guard output.count + produced <= limit else { return .failure(.tooLarge) }
                output.append(contentsOf: chunk[0..<produced])
                switch status {
                case Z_OK:
                    if produced == 0 && stream.avail_in == 0 { return .failure(.truncated) }
                case Z_BUF_ERROR:
                    // No progress was possible: the input ended inside a member.
                    return .failure(.truncated)
                case Z_STREAM_END:
                    let consumed = input.count - Int(stream.avail_in)
                    if input[consumed...].allSatisfy({ $0 == 0 }) { return .success(output) }
                    guard inflateReset(&stream) == Z_OK else { return .failure(.outOfMemory) }
                case Z_MEM_ERROR:
                    return .failure(.outOfMemory)
                default:
                    return .failure(.corrupt(reason(stream.msg)))
                }
            }
        }
    }

    /// zlib's message for a corrupt stream, in the words of this project's other messages.
    private static func reason(_ message: UnsafeMutablePointer<CChar>?) -> String {
        let text = message.map { String(cString: $0) } ?? "zlib refused them"
        switch text {
        case "incorrect data check": return "the CRC-32 of the data does not match the file's"
        case "incorrect length check": return "the length of the data does not match the file's"
        case "incorrect header check": return "a member does not start with gzip's magic number"
        case "unknown compression method": return "the compression method is not DEFLATE"
        default: return text
        }
    }
}
