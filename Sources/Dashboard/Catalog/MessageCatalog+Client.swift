extension MessageCatalog {
    /// Errors raised inside an API client (IB's `EClientErrors`), never sent over the socket.
    ///
    /// ibterm's own client reports its failures with these numbers, so that one catalog explains
    /// everything the trader sees.
    static let clientEntries: [CatalogEntry] = [
        CatalogEntry(501, .warning, .client, dead: false,
            "Already connected",
            "ibterm asked to connect while a connection was already open.",
            "Nothing to do; the existing connection is kept."),
        CatalogEntry(502, .error, .client, dead: true,
            "Could not connect to TWS",
            "No TWS or IB Gateway answered at the configured address. Either it is not running, the port is wrong, API access is switched off, or this host is not trusted. Usual ports: TWS 7496 live / 7497 paper, Gateway 4001 live / 4002 paper.",
            "Start TWS or IB Gateway, enable 'ActiveX and Socket Clients' in its API settings, and check gateway.host and gateway.port."),
        CatalogEntry(503, .error, .client, dead: true,
            "TWS too old for this request",
            "The TWS or IB Gateway version is too old for what ibterm asked, so the request was not sent.",
            "Upgrade TWS or IB Gateway."),
        CatalogEntry(504, .error, .client, dead: true,
            "Not connected",
            "An action needed the connection, but there was none (it had not finished opening, or it had dropped). Nothing was sent.",
            "Wait for the connection, then try again."),
        CatalogEntry(505, .error, .client, dead: false,
            "Unknown message from TWS",
            "TWS sent a message type the client does not understand, a sign that the protocol versions disagree.",
            "ibterm reconnects. If it repeats, report it with the TWS version."),
        CatalogEntry(506, .error, .client, dead: true,
            "Unsupported protocol version",
            "ibterm and TWS could not agree on a protocol version.",
            "Update TWS or ibterm."),
        CatalogEntry(507, .error, .client, dead: true,
            "Connection dropped by TWS",
            "The socket closed mid-message. TWS does this when the client id is in use, when TWS is locked or closing, or when it drops the connection.",
            "ibterm reconnects. Check that TWS is unlocked and the client id is free."),
        CatalogEntry(508, .error, .client, dead: false,
            "Unreadable message from TWS",
            "IB sent a message ibterm could not read, so it was skipped; the link stays up. What it belonged to is flagged: a quote is not live until its next readable tick, an order's state is asked for again.",
            "Nothing to do unless it repeats; then report it with the TWS version (the raw fields are in the log)."),
        CatalogEntry(509, .error, .client, dead: true,
            "Socket error",
            "Reading from or writing to the connection failed.",
            "ibterm reconnects."),
        CatalogEntry(517, .error, .client, dead: true,
            "Unknown contract",
            "The contract passed to the client was not valid.",
            "Check the symbol and its details."),
        CatalogEntry(579, .error, .client, dead: true,
            "Invalid characters in symbol",
            "A text field held characters that cannot be sent to TWS.",
            "Retype the symbol using plain letters and digits."),
        CatalogEntry(585, .error, .client, dead: true,
            "FA profiles no longer supported",
            "An advisor allocation used the old 'profile' form, which IB has retired.",
            "Use an FA group instead."),
        CatalogEntry(586, .error, .client, dead: true,
            "Read failed: not connected",
            "The client tried to read a message after the connection was gone.",
            "ibterm reconnects."),
    ] + sendFailureEntries

    /// Codes 510–589 that mean "this request could not be sent" (the socket write failed).
    static let sendFailureEntries: [CatalogEntry] = {
        let individuallyDescribed: Set<Int> = [517, 579, 585, 586]
        return (510...589).filter { !individuallyDescribed.contains($0) }.map { code in
            let request = sendFailureRequestNames[code] ?? "request type \(code)"
            let isOrder = code == 512
            return CatalogEntry(code, .error, .client, dead: true,
                "Could not send: \(request)",
                isOrder
                    ? "Writing the order to TWS failed, so ibterm cannot tell whether TWS received it."
                    : "Writing \(request) to TWS failed, so it never reached IB.",
                isOrder
                    ? "Reconnect, then check open orders before sending again: the order may or may not be working."
                    : "Reconnect; ibterm sends it again once the connection is back.")
        }
    }()

    /// The request each sending-error code names (IB's numbering; some clients differ).
    private static let sendFailureRequestNames: [Int: String] = [
        510: "market-data request", 511: "market-data cancel", 512: "order",
        513: "account-updates request", 514: "executions request", 515: "order cancel",
        516: "open-orders request", 518: "contract-details request", 519: "market-depth request",
        520: "market-depth cancel", 521: "server log level", 522: "FA request", 523: "FA replace",
        524: "scanner request", 525: "scanner cancel", 526: "scanner parameters request",
        527: "historical-data request", 528: "historical-data cancel",
        529: "real-time bars request", 530: "real-time bars cancel", 531: "current-time request",
        532: "fundamentals request", 533: "fundamentals cancel",
        534: "implied-volatility calculation", 535: "option-price calculation",
        536: "implied-volatility cancel", 537: "option-price cancel", 538: "global cancel",
        539: "market-data type request", 540: "positions request", 541: "positions cancel",
        542: "account-data request", 543: "account-data cancel", 544: "verify request",
        545: "verify message", 546: "display-groups query", 547: "display-group subscribe",
        548: "display-group update", 549: "display-group unsubscribe", 550: "API start",
        551: "verify-and-auth request", 552: "verify-and-auth message",
        553: "multi-positions request", 554: "multi-positions cancel",
        555: "multi-account updates request", 556: "multi-account updates cancel",
        557: "option-parameters request", 558: "soft-dollar tiers request",
        559: "family-codes request", 560: "symbol search", 561: "depth-exchanges request",
        562: "SMART-components request", 563: "news-providers request", 564: "news-article request",
        565: "historical-news request", 566: "head-timestamp request", 567: "histogram request",
        568: "histogram cancel", 569: "head-timestamp cancel", 570: "market-rule request",
        571: "PnL request", 572: "PnL cancel", 573: "single-position PnL request",
        574: "single-position PnL cancel", 575: "historical-ticks request",
        576: "tick-by-tick request", 577: "tick-by-tick cancel", 578: "completed-orders request",
        580: "WSH metadata request", 581: "WSH metadata cancel", 582: "WSH event request",
        583: "WSH event cancel", 584: "user-info request", 589: "market-depth cancel",
    ]
}
