import Dashboard
import Foundation
import PortalAPI
import Synchronization
import Vocabulary

/// Orders, cancels and the portal's questions while the Client Portal stands in.
extension PortalFailoverDriver {
    /// How long a question waits for the trader before it is declined.
    static let questionTimeout: Duration = .seconds(60)

    /// Sends an order through the portal; its questions are put to the trader; the answer
    /// renumbers it to the portal's id, or ends it Rejected with the portal's words.
    func place(orderID: Int, _ instruction: OrderInstruction) async {
        do {
            let account = try await account()
            guard let conid = try await conid(for: instruction.symbol) else {
                store.send(.portalOrderRefused(orderID: orderID, reason: "The Client Portal knows no contract \(instruction.symbol)."))
                return
            }
            guard let ticket = Self.ticket(instruction, conid: conid, orderID: orderID) else {
                store.send(.portalOrderRefused(orderID: orderID, reason: "\(instruction.orderType.rawValue) orders need the socket link; the Client Portal takes market, limit, stop and stop-limit orders here."))
                return
            }
            let outcome = try await portal.place(ticket, account: account) { [self] question in
                await ask(question, orderID: orderID)
            }
            switch outcome {
            case let .placed(orderId, status):
                logger.info("order \(orderID) placed through the Client Portal as \(orderId) (\(status))")
                store.send(.portalOrderPlaced(orderID: orderID, portalOrderID: orderId, status: OrderStatus(ibText: status)))
            case let .notPlaced(reason):
                store.send(.portalOrderRefused(orderID: orderID, reason: reason))
            }
        } catch {
            logger.info("order \(orderID) not placed through the Client Portal: \(error)")
            store.send(.portalOrderRefused(orderID: orderID, reason: "\(error)"))
        }
    }

    /// Cancels through the portal; a refusal is told as one.
    func cancel(orderID: Int) async {
        do {
            try await portal.cancel(orderId: orderID, account: try await account())
        } catch {
            store.send(.cancelRefused(orderID: orderID, reason: "The Client Portal did not cancel it: \(error)"))
        }
    }

    /// The trader's answer to a question (Enter or Esc on the confirmation).
    func answer(replyID: String, confirmed: Bool) {
        let waiting = questions.withLock { $0.removeValue(forKey: replyID) }
        waiting?.resume(returning: confirmed)
    }

    /// Puts a question to the trader and waits for the answer, at most ``questionTimeout``
    /// (then the order is declined).
    private func ask(_ question: OrderReplyQuestion, orderID: Int) async -> Bool {
        let prompt = PortalQuestion(
            orderID: orderID, replyID: question.id, messageID: question.messageIds.first ?? "",
            text: question.message.joined(separator: " ").replacingOccurrences(of: "\n", with: " "))
        let timeout = Task { [self] in
            try? await Task.sleep(for: Self.questionTimeout)
            guard !Task.isCancelled else { return }
            answer(replyID: question.id, confirmed: false)
        }
        defer { timeout.cancel() }
        return await withCheckedContinuation { continuation in
            questions.withLock { $0[question.id] = continuation }
            store.send(.portalQuestion(prompt))
        }
    }

    /// The portal's ticket for an instruction (`nil` for a type the portal path does not take).
    static func ticket(_ instruction: OrderInstruction, conid: Int, orderID: Int) -> PortalOrderTicket? {
        guard [.market, .limit, .stop, .stopLimit].contains(instruction.orderType) else { return nil }
        let (type, price, aux) = PortalOrderTicket.fields(
            instruction.orderType, limit: instruction.limitPrice?.doubleValue, stop: instruction.stopPrice?.doubleValue)
        return PortalOrderTicket(
            conid: conid, cOID: "ibterm-\(abs(orderID))-\(UInt32.random(in: 0...UInt32.max))", orderType: type, price: price, auxPrice: aux,
            side: instruction.side.rawValue, tif: instruction.timeInForce.rawValue, quantity: Double(instruction.quantity))
    }
}
