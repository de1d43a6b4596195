/// IB's "no value" sentinels as they appear on the wire.
///
/// The codec turns every one of them into `nil` at the boundary, so no sentinel reaches the
/// layers above.
public enum WireUnset {
    /// `UNSET_INTEGER`: 2^31 - 1.
    public static let integer = 2_147_483_647
    /// `UNSET_LONG`: 2^63 - 1.
    public static let long = Int.max
    /// `UNSET_DOUBLE`: the largest finite double, 1.7976931348623157e308.
    public static let double = Double.greatestFiniteMagnitude

    /// How an encoder spells an absent number.
    public enum Spelling: Sendable {
        /// An empty field.
        case empty
        /// `2147483647` (integers) or the largest double in the sender's style (doubles).
        case sentinel
    }
}
