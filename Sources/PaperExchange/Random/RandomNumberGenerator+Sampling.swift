extension RandomNumberGenerator {
    /// A uniform `Double` in `0..<1` built from the top 53 bits of one draw, so the result does
    /// not depend on the standard library's floating-point sampling algorithm.
    mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// An approximately standard-normal value (Irwin–Hall: the sum of 12 uniforms minus 6).
    ///
    /// Needs no transcendental functions, so it is exact and identical on every platform; its
    /// tails stop at ±6, which suits a price walk.
    mutating func nextStandardNormal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += nextUnitDouble() }
        return sum - 6
    }

    /// A uniform integer in `range`, drawn by multiply-shift (Lemire) without rejection bias
    /// large enough to matter for simulation.
    mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        let product = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(product.high)
    }

    /// `true` with probability `p`.
    mutating func nextBool(probability p: Double) -> Bool {
        nextUnitDouble() < p
    }
}
