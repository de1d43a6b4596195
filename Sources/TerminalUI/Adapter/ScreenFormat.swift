import Dashboard
import Vocabulary

/// The number and time formats the dashboard screen uses, written without Foundation's
/// formatters so the output is the same on every machine and locale.
///
/// Prices keep the instrument's tick (`231.20` for a 0.01 tick, `1.08345` for 0.00005) and grow
/// more decimals only when a price needs them (`243.001`); money is grouped with two decimals
/// (`23,120.00`); signed figures carry `+` or `-` and the direction of their rounded value, so a
/// change that rounds to zero is flat and unsigned.
public enum ScreenFormat {
    /// The most decimals any price is shown with.
    static let maximumDecimals = 8

    /// The number of decimals a tick size has (`0.01` → 2, `0.25` → 2, `0.00005` → 5, `1` → 0).
    public static func decimals(ofTick tick: Double) -> Int {
        guard tick.isFinite, tick > 0 else { return 2 }
        return decimalsNeeded(tick)
    }

    /// `price` with the tick's decimals (at least `minimumDecimals`, 2 for stocks), or more, up
    /// to `maximumDecimals`, when the price is not a whole number of those decimals (`243.001`).
    public static func price(
        _ price: Double?, tick: Double = 0.01, minimumDecimals: Int = 2, maximumDecimals: Int = 6
    ) -> String? {
        guard let price, price.isFinite else { return nil }
        let base = max(minimumDecimals, decimals(ofTick: tick))
        let decimals = max(base, min(decimalsNeeded(price), maximumDecimals))
        return fixed(price, decimals: decimals, grouped: false)
    }

    /// A signed change in price units: `+1.25`, `-0.40`, `0.00`, with its direction.
    public static func signedPrice(_ value: Double?, tick: Double = 0.01) -> Figure {
        guard let value, value.isFinite else { return .missing }
        let decimals = max(2, decimals(ofTick: tick))
        return signed(value, decimals: decimals, grouped: false, suffix: "")
    }

    /// A signed percentage with two decimals: `+0.54%`.
    public static func signedPercent(_ value: Double?) -> Figure {
        guard let value, value.isFinite else { return .missing }
        return signed(value, decimals: 2, grouped: false, suffix: "%")
    }

    /// A signed amount of money, grouped: `+1,234.50`, `-12.00`, `0.00`.
    public static func signedMoney(_ value: Double?) -> Figure {
        guard let value, value.isFinite else { return .missing }
        return signed(value, decimals: 2, grouped: true, suffix: "")
    }

    /// An unsigned (but possibly negative) amount of money, grouped: `23,120.00`, `-20,753.00`.
    public static func money(_ value: Double?) -> String? {
        guard let value, value.isFinite else { return nil }
        return fixed(value, decimals: 2, grouped: true)
    }

    /// A quantity: whole numbers without decimals (`100`, `-50`), fractions as needed (`0.5`),
    /// at most six decimals.
    public static func quantity(_ value: FixedDecimal) -> String {
        value.formatted(fractionDigits: min(value.decimalPlaces, 6))
    }

    /// A volume abbreviated to three significant places: `850`, `12.3K`, `41.2M`, `1.1B`.
    public static func volume(_ quantity: FixedDecimal?) -> String? {
        guard let quantity, quantity >= 0 else { return nil }
        let value = quantity.doubleValue
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        for (size, suffix) in units where value >= size * 0.99995 {
            let scaled = value / size
            return fixed(scaled, decimals: scaled >= 100 ? 0 : 1, grouped: false) + suffix
        }
        return fixed(value, decimals: 0, grouped: false)
    }

    /// A countdown rounded up to whole seconds (`3 s`, `1 min 05 s`), never negative.
    public static func countdown(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let whole = attoseconds > 0 ? seconds + 1 : seconds
        return AgeFormatter.format(.seconds(max(0, whole)))
    }

    // MARK: Helpers

    /// The fewest decimals (up to `maximumDecimals`) that show `value` exactly enough.
    static func decimalsNeeded(_ value: Double) -> Int {
        let magnitude = abs(value)
        var scale = 1.0
        for decimals in 0..<maximumDecimals {
            let scaled = magnitude * scale
            if abs(scaled - scaled.rounded()) <= 1e-7 * max(1, scaled) { return decimals }
            scale *= 10
        }
        return maximumDecimals
    }

    static func signed(_ value: Double, decimals: Int, grouped: Bool, suffix: String) -> Figure {
        let text = fixed(abs(value), decimals: decimals, grouped: grouped)
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." || $0 == "," }
        guard !isZero else { return Figure(text + suffix, .flat) }
        return value > 0 ? Figure("+" + text + suffix, .up) : Figure("-" + text + suffix, .down)
    }

    /// `value` rounded half away from zero to `decimals` places, optionally with thousands
    /// separators. Values too large for exact integer arithmetic fall back to Swift's own text.
    static func fixed(_ value: Double, decimals: Int, grouped: Bool) -> String {
        var factor: Double = 1
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9e15, decimals <= 16 else { return "\(value)" }
        var units = UInt64(scaled)
        let negative = value < 0 && units != 0
        // Written right to left into a few bytes on the stack: at most 16 digits, 5 separators,
        // a point and a sign; a text this short is a small string, never allocated.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var start = buffer.count
            func put(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            for _ in 0..<decimals {
                put(UInt8(ascii: "0") + UInt8(units % 10))
                units /= 10
            }
            if decimals > 0 { put(UInt8(ascii: ".")) }
            var digits = 0
            repeat {
                if grouped, digits > 0, digits % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(ascii: "0") + UInt8(units % 10))
                units /= 10
                digits += 1
            } while units > 0
            if negative { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}
