import Hummingbird
import Logging
import PaperGateway
import PortalAPI

/// The Client Portal Web API's routes, under `/v1/api`, answered from the paper gateway
/// (``PortalBackend``) under the portal's rules (``PortalState``).
struct PortalRoutes: Sendable {
    let backend: PortalBackend
    let state: PortalState
    let logger: Logger

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("v1/api")
        registerSession(api)
        registerAccounts(api)
        registerMarketData(api)
        registerOrders(api)
    }

    // MARK: Session

    private func registerSession(_ api: RouterGroup<BasicRequestContext>) {
        let status: @Sendable (Request, BasicRequestContext) async throws -> Response = { _, _ in
            PortalAnswer.json(await state.authStatus())
        }
        api.get("iserver/auth/status", use: status)
        api.post("iserver/auth/status", use: status)
        let tickle: @Sendable (Request, BasicRequestContext) async throws -> Response = { _, _ in
            let status = await state.tickle()
            let session = await state.session
            let now = await state.now
            let left = session.lastActivity.map { max(.zero, session.idleTimeout - $0.duration(to: now)) } ?? .zero
            return PortalAnswer.json(Tickle(
                session: "paper", ssoExpires: Self.milliseconds(left), collission: status.competing, userId: 1,
                hmds: Tickle.HMDS(error: nil), iserver: Tickle.IServer(authStatus: status)))
        }
        api.get("tickle", use: tickle)
        api.post("tickle", use: tickle)
        api.post("logout") { _, _ in
            await state.logout()
            logger.info("portal: logged out")
            return PortalAnswer.json(LogoutAnswer(status: true))
        }
        api.get("sso/validate") { _, _ in
            await state.validate()
            let now = try await backend.nowMilliseconds()
            let timeout = await state.session.idleTimeout
            return PortalAnswer.json(SSOValidation(user: "paper", authTime: now, expires: Self.milliseconds(timeout), lastAccessed: now))
        }
        api.post("iserver/reauthenticate") { _, _ in
            guard await state.reauthenticate() else {
                return PortalAnswer.error("Not logged in. Call POST /iserver/auth/ssodh/init to start a brokerage session.", status: .unauthorized)
            }
            logger.info("portal: brokerage session reauthenticated")
            return PortalAnswer.json(ReauthenticateAnswer())
        }
        api.post("iserver/auth/ssodh/init") { _, _ in
            await state.validate()
            logger.info("portal: brokerage session started")
            return PortalAnswer.json(await state.authStatus())
        }
    }

    // MARK: Accounts

    private func registerAccounts(_ api: RouterGroup<BasicRequestContext>) {
        api.get("iserver/accounts") { _, _ in PortalAnswer.json(try await backend.iserverAccounts()) }
        api.get("portfolio/accounts") { _, _ in PortalAnswer.json(try await backend.accounts()) }
        api.get("portfolio/{acct}/summary") { _, context in
            if let refused = accountRefusal(context) { return refused }
            return PortalAnswer.json(try await backend.summary())
        }
        api.get("portfolio/{acct}/ledger") { _, context in
            if let refused = accountRefusal(context) { return refused }
            return PortalAnswer.json(try await backend.ledger())
        }
        api.get("portfolio/{acct}/positions/{page}") { _, context in
            if let refused = accountRefusal(context) { return refused }
            guard let page = context.parameters.get("page", as: Int.self), page >= 0 else {
                return PortalAnswer.error("The page must be a number from 0", status: .badRequest)
            }
            return PortalAnswer.json(try await backend.positions(page: page))
        }
    }

    // MARK: Contracts and market data

    private func registerMarketData(_ api: RouterGroup<BasicRequestContext>) {
        api.get("iserver/secdef/search") { request, _ in
            let query = request.uri.queryParameters
            return try await search(symbol: query.get("symbol"), byName: query.get("name") == "true", secType: query.get("secType"))
        }
        api.post("iserver/secdef/search") { request, _ in
            struct Body: Decodable {
                var symbol: String?
                var name: Bool?
                var secType: String?
            }
            switch await PortalAnswer.body(Body.self, of: request) {
            case let .failure(error): return PortalAnswer.error(error.message, status: .badRequest)
            case let .success(body): return try await search(symbol: body.symbol, byName: body.name ?? false, secType: body.secType)
            }
        }
        api.get("iserver/contract/{conid}/info") { _, context in
            guard let conid = context.parameters.get("conid", as: Int.self) else {
                return PortalAnswer.error("conid must be a number", status: .badRequest)
            }
            guard let info = try await backend.contractInfo(conid: conid) else {
                return PortalAnswer.error("No contract with conid \(conid)", status: .badRequest)
            }
            return PortalAnswer.json(info)
        }
        api.get("iserver/marketdata/snapshot") { request, _ in
            let query = request.uri.queryParameters
            let conids = (query.get("conids") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !conids.isEmpty else {
                return PortalAnswer.error("conids is required: a comma-separated list of contract ids", status: .badRequest)
            }
            guard conids.count <= 100 else { return PortalAnswer.error("At most 100 conids per snapshot request", status: .badRequest) }
            let fields = (query.get("fields") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            var answers: [MarketDataSnapshot] = []
            for text in conids {
                guard let conid = Int(text) else {
                    return PortalAnswer.error("conid \(text) is not a number", status: .badRequest)
                }
                guard let quote = try await backend.quote(conid: conid) else {
                    // IB answers an unknown conid with an entry carrying only the conid.
                    answers.append(MarketDataSnapshot(conid: conid, conidEx: String(conid)))
                    continue
                }
                let wanted = fields.isEmpty ? Array(quote.values.keys) : fields
                answers.append(await state.snapshot(conid: conid, fields: wanted, values: quote.values, updated: quote.updated))
            }
            return PortalAnswer.json(answers)
        }
        api.post("iserver/marketdata/{conid}/unsubscribe") { _, context in
            guard let conid = context.parameters.get("conid", as: Int.self) else {
                return PortalAnswer.error("conid must be a number", status: .badRequest)
            }
            let ended = await state.unsubscribe(conid: conid)
            return PortalAnswer.json(["success": ended])
        }
        api.get("iserver/marketdata/unsubscribeall") { _, _ in
            await state.unsubscribeAll()
            return PortalAnswer.json(["unsubscribed": true])
        }
        api.get("iserver/marketdata/history") { request, _ in
            let query = request.uri.queryParameters
            guard let conid = query.get("conid", as: Int.self) else {
                return PortalAnswer.error("conid is required: a contract id", status: .badRequest)
            }
            let read = PortalHistoryRequest.read(period: query.get("period") ?? "1d", bar: query.get("bar") ?? "1min")
            guard case let .success(history) = read else {
                if case let .failure(error) = read { return PortalAnswer.error(error.message, status: .badRequest) }
                return PortalAnswer.error("bad request", status: .badRequest)
            }
            switch try await backend.history(conid: conid, request: history, outsideRTH: query.get("outsideRth") == "true") {
            case let .failure(error): return PortalAnswer.error(error.message, status: .badRequest)
            case let .success(bars): return PortalAnswer.json(bars)
            }
        }
    }

    private func search(symbol: String?, byName: Bool, secType: String?) async throws -> Response {
        guard let symbol, !symbol.isEmpty else {
            return PortalAnswer.error("symbol is required: a symbol or, with name=true, part of a company's name", status: .badRequest)
        }
        return PortalAnswer.json(try await backend.search(symbol, byName: byName, secType: secType))
    }

    static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
