import Foundation
import QEFormats
import QEResults
import Testing

/// Every number format, with the exact text people see.
@Suite("Number formats")
struct NumberFormatTests {
    @Test(arguments: [
        (0.95, "95%"), (0.995, "99.5%"), (0.9995, "99.95%"), (0.716, "71.6%"), (0.05, "5%"), (1.5, "150%"), (1.234, "123.4%"),
        (-0.1234, "-12.3%"), (0.8999999999999999, "90%"), (Double.infinity, "∞"), (Double.nan, "–"),
    ])
    func percentages(fraction: Double, text: String) {
        #expect(PercentText.percent(fraction) == text)
    }

    @Test func relativeSizesSettingsAndChanges() {
        #expect(PercentText.magnitude(0.4013) == "40%")
        #expect(PercentText.magnitude(-0.061) == "6.1%")
        #expect(PercentText.magnitude(0.0035) == "0.35%")
        #expect(PercentText.magnitude(0.00002) == "0.002%")
        #expect(PercentText.magnitude(0) == "0%")
        #expect(PercentText.signed(-0.03) == "−3.0%" && PercentText.signed(0.061) == "+6.1%")
        #expect(PercentText.setting(0.02) == "2%" && PercentText.setting(0.005) == "0.5%" && PercentText.setting(0.12345) == "12.345%")
        #expect(PercentText.change(ratio: 1.012) == "+1.2%" && PercentText.change(ratio: 0.95) == "−5.0%")
        #expect(PercentText.change(ratio: 1.0001) == "±0.0%" && PercentText.change(ratio: 3.1) == "+210%")
        #expect(PercentText.changeInterval(0.992, 1.031) == "[−0.8%, +3.1%]")
    }

    @Test func ratiosAndPValues() {
        #expect(RatioText.ratio(3.5) == "3.50x" && RatioText.ratio(0.9134) == "0.913x" && RatioText.ratio(61.24) == "61.2x")
        #expect(RatioText.ratio(123.4) == "123x" && RatioText.ratio(.infinity) == "∞" && RatioText.ratio(.nan) == "0x")
        #expect(RatioText.interval(3.41, 3.58) == "[3.41x, 3.58x]")
        #expect(RatioText.threeDecimals(1.0123) == "1.012" && RatioText.tick(0.5) == "0.5x" && RatioText.tick(20) == "20x")
        #expect(PValueText.value(0.0341) == "0.034" && PValueText.value(0.0004) == "<0.001" && PValueText.value(nil) == "–")
        #expect(PValueText.relation(0.0341) == "= 0.034" && PValueText.relation(1e-9) == "< 0.001")
    }

    @Test func plainNumbers() {
        #expect(NumberText.plain(2.49) == "2.49" && NumberText.plain(3) == "3" && NumberText.plain(1e-7) == "1e-07")
        #expect(NumberText.plain(-.infinity) == "-∞" && NumberText.plain(.nan) == "NaN")
        #expect(NumberText.grouped(1_000_000) == "1,000,000" && NumberText.grouped(-1234) == "-1,234" && NumberText.grouped(0.5) == "0.5")
        #expect(NumberText.trimmed("2.500") == "2.5" && NumberText.trimmed("120") == "120" && NumberText.trimmed("3.000") == "3")
        #expect(NumberText.short(123.4) == "123" && NumberText.short(7.891) == "7.89" && NumberText.short(.infinity) == "∞")
    }

    @Test func durations() {
        let text = DurationText(reference: 13_367_000, sourceUnit: .nanoseconds)
        #expect(text.unit == .milliseconds)
        #expect(text.format(13_367_000) == "13.37ms" && text.number(13_412_000) == "13.41")
        #expect(DurationText(reference: 0.5, sourceUnit: .seconds).format(0.5) == "500.0ms")
        #expect(DurationText(reference: 2, sourceUnit: .seconds).format(2) == "2.000s")
        #expect(DurationText(reference: 999, sourceUnit: .nanoseconds).format(999) == "999.0ns")
        #expect(DurationText(reference: 1, sourceUnit: .microseconds).format(.infinity) == "∞µs")
        #expect(DurationText.tick(2_500_000, unit: .nanoseconds) == "2.5ms" && DurationText.tick(20_000_000, unit: .nanoseconds) == "20ms")
    }

    @Test func bytesDatesAndProse() {
        #expect(ByteText.format(512) == "512 B" && ByteText.format(1_572_864) == "1.50 MiB" && ByteText.format(393_216) == "384 KiB")
        #expect(ISO8601Text.string(from: Date(timeIntervalSince1970: 1_795_705_200)) == "2026-11-26T15:00:00Z")
        #expect(ISO8601Text.date(from: "2026-11-26T15:00:00Z") == Date(timeIntervalSince1970: 1_795_705_200))
        #expect(ISO8601Text.date(from: "2026-11-26T17:00:00+02:00") == nil && ISO8601Text.date(from: "yesterday") == nil)
        #expect(ProseText.list([]) == "" && ProseText.list(["a"]) == "a" && ProseText.list(["a", "b", "c"]) == "a, b and c")
        #expect(ProseText.count(1, "run") == "1 run" && ProseText.count(5, "run") == "5 runs")
        #expect(ProseText.number(4) == "four" && ProseText.number(11) == "11")
    }
}
