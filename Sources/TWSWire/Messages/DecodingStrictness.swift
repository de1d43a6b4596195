/// How closely a decoded frame must match its message's layout.
///
/// Both modes reject a field that does not parse and a field that is missing. They differ only
/// in fields left over after the whole known layout was read:
///
/// - ``strict``: left-over fields are ``WireDecodingError/Reason/extraFields(count:)``. The
///   golden-vector tests, recording and replay use it, so that nothing is lost or shifted
///   without a test noticing.
/// - ``ignoringExtraFields``: left-over fields are read past and counted, as IB's own clients
///   read a message from a newer (or older) TWS build. The client uses it on a live link.
///
/// ```swift
/// let inbound = try decoder.nextInboundMessage(serverVersion: 200, strictness: .ignoringExtraFields)
/// ```
public enum DecodingStrictness: Hashable, Sendable {
    /// Every field read, none left over.
    case strict
    /// Fields after the known layout are read past and counted.
    case ignoringExtraFields
}
