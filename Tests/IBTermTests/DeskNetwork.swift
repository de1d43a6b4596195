import Foundation
import TestPrerequisites
import Testing

/// Hosts for a test, as network namespaces on one virtual switch: a hub namespace holding a
/// Linux bridge, and for each host a namespace joined to it by a veth pair, with an address
/// of its own on a private /24 and its loopback up. The test process joins the switch with one
/// more veth (address .254) to read Redis; the links are virtual and reach no real interface,
/// and nothing is routed.
///
/// ```
///   redis 10.W.X.1 ─┐
///   bridge 10.W.X.2 ─┼─ hub (br0)
///   d1 10.W.X.11 ...─┘
/// ```
///
/// Needs root and iproute2 (``Prerequisite/networkNamespaces``). `remove()` deletes every
/// namespace (their veths go with them).
final class DeskNetwork {
    /// Namespace names' prefix, unique to this process.
    let prefix: String
    /// The /24's first three octets.
    let subnet: String
    /// Host name → (namespace, address).
    private(set) var hosts: [String: (namespace: String, address: String)] = [:]
    private let ip: String
    private var namespaces: [String] = []
    /// The test's own end of its link to the switch.
    private var rootLink: String?

    init(hosts names: [(name: String, lastOctet: Int)]) throws {
        ip = try Prerequisite.networkNamespaces.require()
        let tag = Int(getpid()) % 10_000
        prefix = "ibt\(tag)"
        subnet = "10.\(200 + tag % 50).\(tag % 250)"
        let hub = "\(prefix)-hub"
        do {
            try add(hub)
            try run(["netns", "exec", hub, "ip", "link", "add", "br0", "type", "bridge"])
            try run(["netns", "exec", hub, "ip", "link", "set", "br0", "up"])
            // The test itself joins the switch too (an address of its own, .254), to read Redis.
            let (outer, inner) = ("v\(tag)r", "v\(tag)rb")
            try? run(["link", "del", outer])
            try run(["link", "add", outer, "type", "veth", "peer", "name", inner])
            rootLink = outer
            try run(["link", "set", inner, "netns", hub])
            try run(["netns", "exec", hub, "ip", "link", "set", inner, "master", "br0"])
            try run(["netns", "exec", hub, "ip", "link", "set", inner, "up"])
            try run(["addr", "add", "\(subnet).254/24", "dev", outer])
            try run(["link", "set", outer, "up"])
            for (index, host) in names.enumerated() {
                let namespace = "\(prefix)-\(host.name)"
                let address = "\(subnet).\(host.lastOctet)"
                try add(namespace)
                // Interface names are at most 15 characters.
                let outer = "v\(tag)h\(index)", inner = "v\(tag)n\(index)"
                try run(["link", "add", outer, "type", "veth", "peer", "name", inner])
                try run(["link", "set", outer, "netns", hub])
                try run(["link", "set", inner, "netns", namespace])
                try run(["netns", "exec", hub, "ip", "link", "set", outer, "master", "br0"])
                try run(["netns", "exec", hub, "ip", "link", "set", outer, "up"])
                try run(["netns", "exec", namespace, "ip", "addr", "add", "\(address)/24", "dev", inner])
                try run(["netns", "exec", namespace, "ip", "link", "set", inner, "up"])
                try run(["netns", "exec", namespace, "ip", "link", "set", "lo", "up"])
                hosts[host.name] = (namespace, address)
            }
        } catch {
            remove()
            throw error
        }
    }

    /// The command line that runs `arguments` on `host`.
    func on(_ host: String, _ arguments: [String]) -> [String] {
        [ip, "netns", "exec", hosts[host]!.namespace] + arguments
    }

    /// `host`'s address.
    func address(_ host: String) -> String { hosts[host]!.address }

    /// Deletes every namespace made, and the test's link.
    func remove() {
        if let rootLink { try? run(["link", "del", rootLink]) }
        rootLink = nil
        for namespace in namespaces.reversed() { try? run(["netns", "del", namespace]) }
        namespaces = []
    }

    deinit { remove() }

    private func add(_ namespace: String) throws {
        // A namespace left by an earlier run of the same pid is removed first.
        try? run(["netns", "del", namespace])
        try run(["netns", "add", namespace])
        namespaces.append(namespace)
    }

    /// Runs `ip arguments`, throwing with its error output when it fails.
    func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ip)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw DeskNetworkError(description: "ip \(arguments.joined(separator: " ")): \(said.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

struct DeskNetworkError: Error, CustomStringConvertible {
    let description: String
}
