/// Decompresses a DEFLATE stream (RFC 1951), the compression inside gzip files, so that
/// `.json.gz` files (pyperf writes them) can be read without a C library.
///
/// Method: canonical Huffman decoding one bit at a time over the code lengths (the approach of
/// Mark Adler's `puff.c`, zlib's reference decoder): simple, with every malformed or cut-off
/// stream detected. It decodes about 20–50 MB/s, ample for benchmark files of a few megabytes.
///
/// - Complexity: O(n) in the size of the output.
struct DeflateDecoder {
    /// Why a stream cannot be decompressed.
    enum Failure: Error, Equatable {
        /// The stream ends before its last block does.
        case truncated
        /// The stream breaks a rule of RFC 1951 (the reason says which).
        case invalid(String)
        /// The output would exceed the limit.
        case tooLarge(limit: Int)
    }

    private let input: [UInt8]
    private var position: Int
    private var bitBuffer: UInt32 = 0
    private var bitCount = 0
    private var output: [UInt8] = []
    private let outputLimit: Int

    /// Decompresses the stream that starts at `start` in `input`.
    /// - Returns: the decompressed bytes and the offset just after the stream (where a gzip
    ///   trailer starts).
    /// - Throws: ``Failure``.
    static func inflate(_ input: [UInt8], from start: Int, limit: Int) throws(Failure) -> (output: [UInt8], end: Int) {
        var decoder = DeflateDecoder(input: input, position: start, outputLimit: limit)
        var isLast = false
        while !isLast {
            isLast = try decoder.bits(1) == 1
            switch try decoder.bits(2) {
            case 0: try decoder.storedBlock()
            case 1: try decoder.compressedBlock(literals: Self.fixedLiterals, distances: Self.fixedDistances)
            case 2:
                let (literals, distances) = try decoder.dynamicTables()
                try decoder.compressedBlock(literals: literals, distances: distances)
            default: throw .invalid("block type 3 is reserved")
            }
        }
        return (decoder.output, decoder.position)
    }

    private init(input: [UInt8], position: Int, outputLimit: Int) {
        self.input = input
        self.position = position
        self.outputLimit = outputLimit
    }

    // MARK: - Bits

    /// The next `count` bits (0...16), least significant first.
    private mutating func bits(_ count: Int) throws(Failure) -> Int {
        while bitCount < count {
            guard position < input.count else { throw .truncated }
            bitBuffer |= UInt32(input[position]) << UInt32(bitCount)
            position += 1
            bitCount += 8
        }
        let value = Int(bitBuffer & ((1 << UInt32(count)) - 1))
        bitBuffer >>= UInt32(count)
        bitCount -= count
        return value
    }

    private mutating func append(_ byte: UInt8) throws(Failure) {
        guard output.count < outputLimit else { throw .tooLarge(limit: outputLimit) }
        output.append(byte)
    }

    // MARK: - Blocks

    private mutating func storedBlock() throws(Failure) {
        bitBuffer = 0
        bitCount = 0
        guard position + 4 <= input.count else { throw .truncated }
        let length = Int(input[position]) | Int(input[position + 1]) << 8
        let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
        guard length == ~complement & 0xFFFF else { throw .invalid("a stored block's length does not match its complement") }
        position += 4
        guard position + length <= input.count else { throw .truncated }
        guard output.count + length <= outputLimit else { throw .tooLarge(limit: outputLimit) }
        output.append(contentsOf: input[position..<position + length])
        position += length
    }

    private mutating func compressedBlock(literals: Huffman, distances: Huffman) throws(Failure) {
        while true {
            let symbol = try decode(literals)
            if symbol < 256 {
                try append(UInt8(symbol))
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < Self.lengthBase.count else { throw .invalid("length symbol \(symbol) is not defined") }
            let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtra[lengthIndex]))
            let distanceSymbol = try decode(distances)
            guard distanceSymbol < Self.distanceBase.count else { throw .invalid("distance symbol \(distanceSymbol) is not defined") }
            let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtra[distanceSymbol]))
            guard distance <= output.count else { throw .invalid("a back-reference reaches before the start of the data") }
            guard output.count + length <= outputLimit else { throw .tooLarge(limit: outputLimit) }
            let start = output.count - distance
            for offset in 0..<length { output.append(output[start + offset]) }
        }
    }

    private mutating func dynamicTables() throws(Failure) -> (Huffman, Huffman) {
        let literalCount = try bits(5) + 257
        let distanceCount = try bits(5) + 1
        let codeLengthCount = try bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw .invalid("too many literal or distance codes") }
        var codeLengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<codeLengthCount {
            codeLengthLengths[Self.codeLengthOrder[index]] = try bits(3)
        }
        let codeLengths = try Huffman(lengths: codeLengthLengths, complete: true)
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try decode(codeLengths)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw .invalid("a repeat code with no length before it") }
                lengths.append(contentsOf: repeatElement(previous, count: 3 + (try bits(2))))
            case 17: lengths.append(contentsOf: repeatElement(0, count: 3 + (try bits(3))))
            default: lengths.append(contentsOf: repeatElement(0, count: 11 + (try bits(7))))
            }
        }
        guard lengths.count == literalCount + distanceCount else { throw .invalid("code lengths run past their count") }
        guard lengths[256] != 0 else { throw .invalid("no code for the end of a block") }
        let literals = try Huffman(lengths: Array(lengths[..<literalCount]), complete: true)
        let distances = try Huffman(lengths: Array(lengths[literalCount...]), complete: false)
        return (literals, distances)
    }

    /// The next symbol of `table`.
    private mutating func decode(_ table: Huffman) throws(Failure) -> Int {
        var code = 0
        var first = 0
        var index = 0
        for length in 1...15 {
            code |= try bits(1)
            let count = table.counts[length]
            if code - first < count { return table.symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw .invalid("a code that no symbol has")
    }

    // MARK: - Tables

    /// A canonical Huffman code: how many codes of each length, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        /// - Parameter complete: whether an incomplete code is an error (it is for code lengths
        ///   and literals; a distance code may be incomplete).
        init(lengths: [Int], complete: Bool) throws(Failure) {
            for length in lengths { counts[length] += 1 }
            var left = 1
            for length in 1...15 {
                left = (left << 1) - counts[length]
                guard left >= 0 else { throw .invalid("an over-subscribed Huffman code") }
            }
            if complete && left > 0 && counts[0] != lengths.count - 1 {
                throw .invalid("an incomplete Huffman code")
            }
            var offsets = [Int](repeating: 0, count: 16)
            for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }
    }

    private static let fixedLiterals: Huffman = {
        var lengths = [Int](repeating: 8, count: 288)
        for symbol in 144..<256 { lengths[symbol] = 9 }
        for symbol in 256..<280 { lengths[symbol] = 7 }
        // The fixed code is complete by definition (RFC 1951 §3.2.6).
        return (try? Huffman(lengths: lengths, complete: false)) ?? Huffman.empty
    }()

    private static let fixedDistances: Huffman = {
        (try? Huffman(lengths: [Int](repeating: 5, count: 30), complete: false)) ?? Huffman.empty
    }()

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
}

extension DeflateDecoder.Huffman {
    /// A code with no symbols (never used: the fixed tables always build).
    static let empty = DeflateDecoder.Huffman()
    private init() {}
}
