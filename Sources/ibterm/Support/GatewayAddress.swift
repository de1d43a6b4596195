import ArgumentParser

/// A `--gateway HOST:PORT` value (`[::1]:4002` for IPv6).
enum GatewayAddress {
    /// Splits `text` into host and port, or explains what a valid value looks like.
    static func parse(_ text: String) throws -> (host: String, port: Int) {
        guard let colon = text.lastIndex(of: ":"), colon != text.startIndex,
            let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port)
        else {
            throw ValidationError("--gateway must be HOST:PORT, e.g. 127.0.0.1:4002 (got \"\(text)\")")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }
}
