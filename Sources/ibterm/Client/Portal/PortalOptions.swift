import ArgumentParser
import Dashboard
import Foundation
import PortalClient

/// `--portal https://HOST:PORT` and `--portal-cert PATH`: the one-shot commands (`positions`,
/// `orders`, `executions`, `order`, `cancel`) use IB's Client Portal Web API instead of the
/// socket. The configuration file's `portal = "https://HOST:PORT"` (and `portal_cert`) does the
/// same when neither `--portal` nor `--gateway` is given.
struct PortalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Use IB's Client Portal Web API at https://HOST:PORT (IB's CP Gateway: https://localhost:5000; `ibterm engine` serves one too) instead of the socket. Default: the config file's `portal`, unless --gateway is given.", valueName: "https://host:port"))
    var portal: String?

    @Option(help: ArgumentHelp("The Client Portal's certificate (PEM) to trust, as the config file's portal_cert. Needed for a portal on another machine; on localhost the gateway's self-signed certificate is accepted without it.", valueName: "PATH"))
    var portalCert: String?

    func validate() throws {
        if let portal {
            do {
                _ = try PortalAddress.parse(portal)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    /// The portal a command uses, or `nil` for the socket: `--portal`; else, without
    /// `--gateway`, the config file's `portal` (read through `configFile`).
    func selected(gateway: GatewayOptions, configFile: ConfigOptions) throws -> PortalLink.Target? {
        if let portal { return try PortalLink.Target(url: portal, certificate: portalCert) }
        guard gateway.gateway == nil else { return nil }
        let config = try configFile.load()
        guard let portal = config.portal else { return nil }
        return try PortalLink.Target(url: portal, certificate: portalCert ?? config.portalCertificate)
    }
}
