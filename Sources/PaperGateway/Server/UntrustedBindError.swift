/// The server was asked to listen on an address other machines reach without a list of the
/// clients allowed to connect.
public struct UntrustedBindError: Error, CustomStringConvertible {
    /// The address asked for.
    public var host: String

    public var description: String {
        "Listening on \(host) opens the paper gateway to other machines. Name the clients allowed to connect with --allow (e.g. --allow 10.0.0.0/8,192.168.1.20), as IB's trusted IPs, or listen on 127.0.0.1."
    }
}
