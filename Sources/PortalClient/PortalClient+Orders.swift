import Foundation
import PortalAPI

extension PortalClient {
    /// Decides a question the gateway asks about an order (IB's reply messages: `o163` price
    /// far from the market, `o354` no market data, …): `true` to go on, `false` to drop the order.
    public typealias QuestionAnswerer = @Sendable (OrderReplyQuestion) async -> Bool

    /// `POST /iserver/account/{account}/orders` through IB's reply flow: each question the
    /// gateway asks is put to `answer`, and answered with `POST /iserver/reply/{id}`
    /// (`{"confirmed":true|false}`) until the gateway places the order or it is declined. At most
    /// ``maximumQuestions`` questions are answered.
    public func place(_ tickets: [PortalOrderTicket], account: String, answer: QuestionAnswerer) async throws(PortalClientError) -> PortalOrderOutcome {
        let path = "/iserver/account/\(Self.escape(account))/orders"
        let (status, data) = try await exchange(.POST, path, body: Self.json(OrdersRequest(orders: tickets)))
        return try await follow(status: status, data: data, path: path, answer: answer)
    }

    /// `POST /iserver/account/{account}/order/{orderId}`: changes a working order to `ticket`,
    /// through the same reply flow as ``place(_:account:answer:)``.
    public func modify(orderId: Int, account: String, ticket: PortalOrderTicket, answer: QuestionAnswerer) async throws(PortalClientError) -> PortalOrderOutcome {
        let path = "/iserver/account/\(Self.escape(account))/order/\(orderId)"
        let (status, data) = try await exchange(.POST, path, body: Self.json(ticket))
        return try await follow(status: status, data: data, path: path, answer: answer)
    }

    /// `DELETE /iserver/account/{account}/order/{orderId}`: asks for the cancel (the answer says
    /// it was submitted; ``liveOrders()`` shows the order `Cancelled` once it is).
    public func cancel(orderId: Int, account: String) async throws(PortalClientError) -> PortalCancelAnswer {
        try await send(.DELETE, "/iserver/account/\(Self.escape(account))/order/\(orderId)", as: PortalCancelAnswer.self)
    }

    /// `GET /iserver/account/orders`: the session's orders, working and done (IB: once per 5 s).
    public func liveOrders() async throws(PortalClientError) -> LiveOrders {
        try await send(.GET, "/iserver/account/orders", as: LiveOrders.self)
    }

    /// `GET /iserver/account/trades`: executions of today and up to `days` - 1 days before
    /// (IB: at most 7; once per 5 s).
    public func trades(days: Int = 1) async throws(PortalClientError) -> [PortalTrade] {
        try await send(.GET, "/iserver/account/trades", query: [("days", String(days))], as: [PortalTrade].self)
    }

    /// Walks the reply flow from a first answer.
    private func follow(status: Int, data: Data, path: String, answer: QuestionAnswerer) async throws(PortalClientError) -> PortalOrderOutcome {
        var answered: [OrderReplyQuestion] = []
        var (status, data, path) = (status, data, path)
        while true {
            let elements: [OrderSubmissionAnswer]
            do {
                elements = try decode([OrderSubmissionAnswer].self, from: data, path: path, status: status)
            } catch {
                // IB answers some refusals with 200 and `{"error": …}`.
                if case let .http(code, message) = error, (200..<300).contains(code) { throw .orderNotPlaced(message: message) }
                throw error
            }
            var acknowledgements: [OrderAcknowledgement] = []
            var questions: [OrderReplyQuestion] = []
            for element in elements {
                switch element {
                case let .acknowledged(acknowledgement): acknowledgements.append(acknowledgement)
                case let .question(question): questions.append(question)
                }
            }
            if !acknowledgements.isEmpty { return .placed(acknowledgements, answered: answered) }
            guard let question = questions.first else {
                throw .orderNotPlaced(message: "the gateway answered neither a question nor an acknowledgement")
            }
            guard answered.count < Self.maximumQuestions else { throw .tooManyQuestions(answered.count) }
            let yes = await answer(question)
            path = "/iserver/reply/\(Self.escape(question.id))"
            let reply = try await exchange(.POST, path, body: Self.json(ReplyConfirmation(confirmed: yes)))
            guard yes else { return .declined(question) }
            answered.append(question)
            (status, data) = reply
        }
    }
}
