import Logging
import TWSClient

/// IB's answer to cancelOrder for one order id.
struct CancelAnswer: Sendable, Hashable {
    /// What the answer means.
    enum Meaning: Sendable, Hashable {
        /// 202: IB cancelled the order.
        case cancelled
        /// 10147: IB knows no open order by this id for the cancelling client id.
        case notFound
        /// 10148 or 161: the order can no longer be cancelled (already filled or cancelled);
        /// IB's text names its state.
        case notCancellable
    }

    /// The codes that answer a cancel.
    static let codes: Set<Int> = [202, 10147, 10148, 161]

    /// IB's code.
    var code: Int
    /// IB's text.
    var message: String

    /// What the answer means.
    var meaning: Meaning {
        switch code {
        case 202: .cancelled
        case 10147: .notFound
        default: .notCancellable
        }
    }
}

/// Cancelling one order the only way IB allows: under the client id that placed it
/// (docs/DECISIONS.md, "Every order of the account, and who may cancel it"). The dashboard
/// (``AccountOrdersFollower``) and `ibterm cancel` both cancel through it.
enum OrderCancellation {
    /// Sends cancelOrder for `orderID` on `client` (connected as the order's owner) and waits
    /// up to `limit` for IB's answer (202, 10147, 10148 or 161 for that id); `nil` when none
    /// came in time.
    static func cancel(_ orderID: Int, on client: IBClient, within limit: Duration) async throws(TWSClientError) -> CancelAnswer? {
        let notices = await client.notices()
        let answer = Task { () -> CancelAnswer? in
            for await notice in notices where notice.id == orderID && CancelAnswer.codes.contains(notice.code) {
                return CancelAnswer(code: notice.code, message: notice.message)
            }
            return nil
        }
        let timeout = Task {
            try? await Task.sleep(for: limit)
            answer.cancel()
        }
        defer { timeout.cancel() }
        do {
            try await client.cancelOrder(orderID)
        } catch {
            answer.cancel()
            throw error
        }
        return await answer.value
    }

    /// How a cancel under another client id went.
    enum OwnerOutcome: Sendable {
        /// IB answered (or, `nil`, did not within the time limit).
        case answered(CancelAnswer?)
        /// The gateway did not accept a connection as the owner (most often: the owner is
        /// connected, 326).
        case ownerNotAccepted(TWSClientError)
        /// Connected as the owner, but the cancel could not be sent.
        case notSent(TWSClientError)
    }

    /// Connects to the gateway at `host`:`port` as `ownerClientID` for as long as the cancel of
    /// `orderID` takes (IB's answer or `limit`), then disconnects.
    static func cancel(
        _ orderID: Int, asOwner ownerClientID: Int, host: String, port: Int,
        configuration: TWSClientConfiguration, logger: Logger, within limit: Duration
    ) async -> OwnerOutcome {
        let owner = IBClient(configuration: configuration, logger: logger)
        do {
            try await owner.connect(host: host, port: port, clientId: ownerClientID)
        } catch {
            await owner.disconnect()
            return .ownerNotAccepted(error)
        }
        let outcome: OwnerOutcome
        do {
            outcome = .answered(try await cancel(orderID, on: owner, within: limit))
        } catch {
            outcome = .notSent(error)
        }
        await owner.disconnect()
        return outcome
    }
}
