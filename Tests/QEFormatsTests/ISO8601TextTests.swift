import Foundation
import QEFormats
import Testing

@Suite("ISO8601Text: dates written without a formatter agree with ISO8601DateFormatter")
struct ISO8601TextTests {
    static func formatted(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    @Test("every kind of date: leap days, ends of months, years, centuries, before 1970, and fractions of a second (through the formatter)")
    func agreesWithTheFormatter() {
        var seconds: [Double] = [
            0, -1, -0.5, 0.999, 59, 86_399.9, 86_400, 951_782_400 /* 2000-02-29 */, 951_868_799, 4_107_456_000 /* 2100-02-28 */,
            4_107_542_400, 1_795_705_200, -2_208_988_800 /* 1900 */, -12_212_553_600 /* 1583 */, -12_212_553_599.5,
            253_402_300_799 /* 9999-12-31T23:59:59 */, -62_135_596_800 /* year 1 */, -12_219_292_800 /* 1582-10-15 */, 253_402_300_800,
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            let whole = (-12_212_553_600 + unit * (253_402_300_800 + 12_212_553_600)).rounded(.down)
            seconds.append(whole)
            seconds.append(whole + (unit * 1_000).truncatingRemainder(dividingBy: 1))
        }
        for second in seconds {
            let date = Date(timeIntervalSince1970: second)
            #expect(ISO8601Text.string(from: date) == Self.formatted(date), "\(second)")
        }
    }

    @Test("a time in microseconds: whole seconds as the date alone, a fraction as six digits, before 1970 too")
    func microseconds() {
        #expect(ISO8601Text.string(microsecondsSinceEpoch: 1_795_705_200_000_000) == Self.formatted(Date(timeIntervalSince1970: 1_795_705_200)))
        #expect(ISO8601Text.string(microsecondsSinceEpoch: 1_000_001) == "1970-01-01T00:00:01.000001Z")
        #expect(ISO8601Text.string(microsecondsSinceEpoch: 1_795_705_200_123_450) == "2026-11-26T15:00:00.123450Z")
        #expect(ISO8601Text.string(microsecondsSinceEpoch: -1) == "1969-12-31T23:59:59.999999Z")
        #expect(ISO8601Text.string(microsecondsSinceEpoch: -1_000_000) == "1969-12-31T23:59:59Z")
    }
}
