import Hummingbird
import Logging
import PaperGateway
import PortalAPI

extension PortalRoutes {
    /// Orders: placement through IB's reply/confirm flow, modify, cancel, the live orders, the
    /// trades, and the questions' suppression.
    func registerOrders(_ api: RouterGroup<BasicRequestContext>) {
        api.post("iserver/account/{acct}/orders") { request, context in
            if let refused = accountRefusal(context) { return refused }
            let tickets: [PortalOrderTicket]
            switch await PortalAnswer.body(OrdersRequest.self, of: request) {
            case let .failure(error): return PortalAnswer.error(error.message, status: .badRequest)
            case let .success(body): tickets = body.orders
            }
            guard let first = tickets.first else { return PortalAnswer.error("orders is empty: send at least one order", status: .badRequest) }
            guard let symbol = try await backend.symbol(conid: first.conid) else {
                return PortalAnswer.error("No contract with conid \(first.conid)", status: .badRequest)
            }
            let price = try await backend.marketPrice(conid: first.conid)
            let step = await state.submit(tickets, symbol: symbol, marketPrice: price)
            return try await answer(step, PortalState.Pending(rest: Array(tickets.dropFirst())))
        }
        api.post("iserver/reply/{id}") { request, context in
            let id = context.parameters.get("id") ?? ""
            let confirmed: Bool
            switch await PortalAnswer.body(ReplyConfirmation.self, of: request) {
            case let .failure(error): return PortalAnswer.error(error.message, status: .badRequest)
            case let .success(body): confirmed = body.confirmed
            }
            let (step, waiting) = await state.reply(id: id, confirmed: confirmed)
            return try await answer(step, waiting)
        }
        api.post("iserver/account/{acct}/order/{orderId}") { request, context in
            if let refused = accountRefusal(context) { return refused }
            guard let orderId = context.parameters.get("orderId", as: Int.self) else {
                return PortalAnswer.error("orderId must be a number", status: .badRequest)
            }
            switch await PortalAnswer.body(PortalOrderTicket.self, of: request) {
            case let .failure(error): return PortalAnswer.error(error.message, status: .badRequest)
            case var .success(ticket):
                // The questions are asked of the order as it would stand: its contract and side.
                guard let working = try await backend.workingOrder(orderId: orderId) else {
                    return refusal(PortalOrderError(.notFound, "OrderID \(orderId) doesn't exist or no longer works"))
                }
                ticket.conid = working.conid
                ticket.side = working.side
                let price = try await backend.marketPrice(conid: working.conid)
                let step = await state.submit([ticket], symbol: working.symbol, marketPrice: price, modifying: orderId)
                return try await answer(step, PortalState.Pending(modifying: orderId))
            }
        }
        api.delete("iserver/account/{acct}/order/{orderId}") { _, context in
            if let refused = accountRefusal(context) { return refused }
            guard let orderId = context.parameters.get("orderId", as: Int.self) else {
                return PortalAnswer.error("orderId must be a number", status: .badRequest)
            }
            switch try await backend.cancel(orderId: orderId) {
            case let .success(answer):
                logger.info("portal: cancel of order \(orderId) submitted")
                return PortalAnswer.json(answer)
            case let .failure(error): return refusal(error)
            }
        }
        api.get("iserver/account/orders") { _, _ in PortalAnswer.json(try await backend.liveOrders()) }
        api.get("iserver/account/trades") { request, _ in
            let days = request.uri.queryParameters.get("days", as: Int.self) ?? 1
            return PortalAnswer.json(try await backend.trades(days: days))
        }
        api.post("iserver/questions/suppress") { request, _ in
            struct Body: Decodable { var messageIds: [String] }
            switch await PortalAnswer.body(Body.self, of: request) {
            case let .failure(error): return PortalAnswer.error(error.message, status: .badRequest)
            case let .success(body):
                await state.suppress(body.messageIds)
                return PortalAnswer.json(["status": "submitted"])
            }
        }
        api.post("iserver/questions/suppress/reset") { _, _ in
            await state.resetSuppression()
            return PortalAnswer.json(["status": "submitted"])
        }
    }

    /// The answer to a step of the reply flow: the question, or the placement's (or the
    /// modification's) acknowledgements (IB answers both in an array).
    private func answer(_ step: OrderReplyFlow.Step, _ waiting: PortalState.Pending) async throws -> Response {
        switch step {
        case let .ask(question):
            logger.info("portal: order question \(question.id) (\(question.messageIds.joined(separator: ","))): \(question.message.first ?? "")")
            return PortalAnswer.json([question])
        case let .place(ticket):
            if let orderId = waiting.modifying {
                switch try await backend.modify(orderId: orderId, ticket: ticket) {
                case let .success(acknowledgement): return PortalAnswer.json([acknowledgement])
                case let .failure(error): return refusal(error)
                }
            }
            switch try await backend.place([ticket] + waiting.rest) {
            case let .success(acknowledgements): return PortalAnswer.json(acknowledgements)
            case let .failure(error): return refusal(error)
            }
        case .dropped:
            return PortalAnswer.json(PortalErrorAnswer(error: "The order was not placed: its question was answered no."))
        case .unknownReply:
            return PortalAnswer.error(
                "No question waits under this reply id: a reply id is good once, and unanswered questions are forgotten when more than \(PortalState.maximumWaitingQuestions) wait.",
                status: .badRequest)
        }
    }

    private func refusal(_ error: PortalOrderError) -> Response {
        switch error.kind {
        case .invalid, .rejected: PortalAnswer.error(error.message, status: .badRequest)
        case .notFound: PortalAnswer.error(error.message, status: .notFound)
        }
    }

    /// An error answer when the path's account is not the paper account.
    func accountRefusal(_ context: BasicRequestContext) -> Response? {
        let named = context.parameters.get("acct") ?? ""
        guard named != backend.accountId else { return nil }
        return PortalAnswer.error("Account \(named) is not an account of this session (it has \(backend.accountId))", status: .notFound)
    }
}
