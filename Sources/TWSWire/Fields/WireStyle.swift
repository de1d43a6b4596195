/// How a sender spells numbers: the two sides of the protocol write the same values differently.
///
/// IB's official Python client writes doubles as Python does (`150.25`, `0.0`,
/// `1.7976931348623157e+308`); TWS, written in Java, writes the unset double as
/// `1.7976931348623157E308`. Readers accept every spelling; writers use the style of the side
/// they speak for, so ibterm's requests look like IB's own client and the paper gateway's events
/// look like TWS.
public enum WireStyle: Sendable {
    /// Requests, spelled as IB's official client spells them.
    case client
    /// Events, spelled as TWS spells them: whole numbers without a decimal point.
    case server
}
