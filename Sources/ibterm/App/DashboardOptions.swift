import ArgumentParser

/// The dashboard's command-line options (`ibterm [options]`).
struct DashboardOptions: ParsableArguments {
    @Option(help: "A real IB Gateway or TWS as HOST:PORT (4001/4002 Gateway live/paper, 7496/7497 TWS live/paper). Without it, ibterm starts its embedded paper gateway.")
    var gateway: String?

    @Option(help: "Pin the API client id: only this id is used, and when the gateway answers 326 (in use) it is retried after the backoff. Without it: the config's gateway.client_id (default 1), or at once the next of its client_id_range ids (default 10) that is free.")
    var clientId: Int?

    @Option(help: "The configuration file (default: $XDG_CONFIG_HOME/ibterm/config.toml).")
    var config: String?

    @Flag(help: "Start with the default configuration when the file is invalid.")
    var ignoreConfigErrors = false

    @Option(help: "The colour theme: default, light, high-contrast, mono, or a file name in a themes folder.")
    var theme: String?

    @Flag(help: "Draw boxes and marks with ASCII only.")
    var ascii = false

    @Option(help: "Seconds after which a quote counts as stale (overrides the config's default).")
    var staleAfter: Double?

    @OptionGroup var timeZone: TimeZoneOption

    @Option(help: ArgumentHelp(
        "Append every frame in and out to FILE (a trace; read it with `ibterm trace FILE`). Records even with [trace] enabled = false.",
        valueName: "FILE"))
    var trace: String?

    @Option(help: ArgumentHelp(
        "Watch a desk through its bridge instead of a gateway: redis://HOST:PORT/DESK (see `ibterm bridge`). Read-only for now: orders and cancels are refused on this screen. Credentials: IBTERM_REDIS_USER / IBTERM_REDIS_PASSWORD or [redis] in the config.",
        valueName: "URL"))
    var source: String?

    @Option(help: ArgumentHelp(
        "IB's Client Portal Web API at https://HOST:PORT as the socket link's failover (or the config's `portal`): while the socket link is down, account values, positions and orders are read over REST (shown REST with their age), quotes are polled snapshots (POLLED, never live), and orders go through the portal with its questions. `ibterm engine` serves one (5000).",
        valueName: "https://host:port"))
    var portal: String?

    @Option(help: ArgumentHelp("The Client Portal's certificate (PEM) to trust, as the config's portal_cert (needed for a portal on another machine; on localhost the gateway's self-signed certificate is accepted).", valueName: "PATH"))
    var portalCert: String?

    @OptionGroup(title: "Embedded paper gateway (without --gateway)")
    var paper: EmbeddedGatewayOptions

    /// `--gateway` split into host and port.
    func gatewayEndpoint() throws -> (host: String, port: Int)? {
        try gateway.map(GatewayAddress.parse)
    }
}
