import Foundation
import PaperExchange
import TWSWire
import Vocabulary

extension GatewayEngine {
    var accountId: String { configuration.accountId }

    /// reqAccountUpdates(true): ACCT_VALUE × n, PORTFOLIO_VALUE × positions, ACCT_UPDATE_TIME,
    /// ACCT_DOWNLOAD_END.
    func sendAccountDownload(to session: ClientSession) {
        sendAccountValues(to: session, conIds: nil)
        session.send(.accountDownloadEnd(AccountDownloadEnd(account: accountId)))
    }

    /// The account values, the portfolio (all, or the positions in `conIds` including closed
    /// ones) and the update time.
    func sendAccountValues(to session: ClientSession, conIds: Set<Int>?) {
        for value in exchange.summary().values {
            session.send(.accountValue(TWSWire.AccountValue(
                key: value.tag, value: value.value, currency: value.currency, accountName: accountId)))
        }
        session.send(.accountValue(TWSWire.AccountValue(key: "Currency", value: "USD", currency: "USD", accountName: accountId)))
        for message in portfolioMessages(conIds: conIds) { session.send(message) }
        session.send(.accountUpdateTime(AccountUpdateTime(timeStamp: TimeText.hourMinute(
            now, utcOffsetSeconds: exchange.configuration.sessionUTCOffsetSeconds))))
    }

    private func portfolioMessages(conIds: Set<Int>?) -> [ServerMessage] {
        let items = Dictionary(uniqueKeysWithValues: exchange.portfolio().map { ($0.position.instrument.conId, $0) })
        let wanted = conIds.map { Array($0).sorted() } ?? items.keys.sorted()
        return wanted.compactMap { conId -> ServerMessage? in
            if let item = items[conId] {
                return .portfolioValue(PortfolioValue(
                    contract: item.position.instrument.wireContract, position: FixedDecimal(item.position.quantity),
                    marketPrice: item.marketPrice.doubleValue, marketValue: item.marketValue.doubleValue,
                    averageCost: item.averageCost.doubleValue, unrealizedPNL: item.unrealizedPNL.doubleValue,
                    realizedPNL: item.realizedPNL.doubleValue, accountName: accountId))
            }
            guard let position = exchange.account.positions[conId] else { return nil }
            let mark = exchange.quote(conId: conId)?.markPrice ?? .zero
            return .portfolioValue(PortfolioValue(
                contract: position.instrument.wireContract, position: .zero, marketPrice: mark.doubleValue,
                marketValue: 0, averageCost: 0, unrealizedPNL: 0, realizedPNL: position.realizedPNL.doubleValue,
                accountName: accountId))
        }
    }

    /// reqPositions: POSITION_DATA per open position, then POSITION_END.
    func sendPositions(to session: ClientSession) {
        for position in exchange.account.openPositions { session.send(positionMessage(position)) }
        session.send(.positionEnd)
    }

    func positionMessage(_ position: Position) -> ServerMessage {
        .position(PositionData(
            account: accountId, contract: position.instrument.wireContract, position: FixedDecimal(position.quantity),
            avgCost: position.averageCost.doubleValue))
    }

    /// After fills: POSITION_DATA to position subscribers, portfolio and account values to
    /// account subscribers.
    func positionsChanged(_ conIds: Set<Int>) {
        for session in readySessions {
            if session.positions {
                for conId in conIds.sorted() {
                    if let position = exchange.account.positions[conId] { session.send(positionMessage(position)) }
                }
            }
            if session.accountUpdates { sendAccountValues(to: session, conIds: conIds) }
        }
    }

    /// reqAccountSummary: ACCOUNT_SUMMARY per requested tag, then ACCOUNT_SUMMARY_END.
    /// At most ``maximumAccountSummaries`` open at once, as IB (322 beyond).
    func subscribeAccountSummary(_ request: RequestAccountSummary, session: ClientSession) {
        guard session.accountSummaries[request.reqId] != nil || admitsSubscription(
            held: session.accountSummaries.count, limit: Self.maximumAccountSummaries, what: "account summary",
            reqId: request.reqId, to: session)
        else { return }
        let tags = Set(request.tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let filter: Set<String>? = tags.isEmpty || tags.contains("All") ? nil : tags
        session.accountSummaries[request.reqId] = filter
        sendAccountSummary(reqId: request.reqId, tags: filter, to: session)
        session.send(.accountSummaryEnd(reqId: request.reqId))
    }

    func sendAccountSummary(reqId: Int, tags: Set<String>?, to session: ClientSession) {
        for value in exchange.summary().values where tags?.contains(value.tag) ?? true {
            session.send(.accountSummary(TWSWire.AccountSummary(
                reqId: reqId, account: accountId, tag: value.tag, value: value.value, currency: value.currency)))
        }
    }

    /// reqAccountUpdatesMulti: ACCOUNT_UPDATE_MULTI per value (and ACCOUNT_UPDATE_MULTI_END).
    func sendAccountMulti(reqId: Int, modelCode: String, to session: ClientSession, end: Bool) {
        for value in exchange.summary().values {
            session.send(.accountUpdateMulti(AccountUpdateMulti(
                reqId: reqId, account: accountId, modelCode: modelCode, key: value.tag, value: value.value,
                currency: value.currency)))
        }
        if end { session.send(.accountUpdateMultiEnd(reqId: reqId)) }
    }

    /// PNL for the account.
    func sendPnL(reqId: Int, to session: ClientSession) {
        let summary = exchange.summary()
        session.send(.pnl(PnL(
            reqId: reqId, dailyPnL: summary.dailyPNL.doubleValue, unrealizedPnL: summary.unrealizedPNL.doubleValue,
            realizedPnL: summary.realizedPNL.doubleValue)))
    }

    /// PNL_SINGLE for one position (zeros when there is none).
    func sendPnLSingle(reqId: Int, conId: Int, to session: ClientSession) {
        if let item = exchange.portfolio().first(where: { $0.position.instrument.conId == conId }) {
            session.send(.pnlSingle(PnLSingle(
                reqId: reqId, position: FixedDecimal(item.position.quantity), dailyPnL: item.dailyPNL.doubleValue,
                unrealizedPnL: item.unrealizedPNL.doubleValue, realizedPnL: item.realizedPNL.doubleValue,
                value: item.marketValue.doubleValue)))
        } else {
            let realized = exchange.account.positions[conId]?.realizedPNL.doubleValue ?? 0
            session.send(.pnlSingle(PnLSingle(
                reqId: reqId, position: .zero, dailyPnL: 0, unrealizedPnL: 0, realizedPnL: realized, value: 0)))
        }
    }

    /// The periodic pushes: PnL about once a second, account updates and summaries less often.
    func periodicPushes(at time: Timestamp) {
        if time.milliseconds(since: lastPnLPush) >= configuration.pnlIntervalMilliseconds {
            lastPnLPush = time
            for session in readySessions {
                for reqId in session.pnl.sorted() { sendPnL(reqId: reqId, to: session) }
                for (reqId, conId) in session.pnlSingle.sorted(by: { $0.key < $1.key }) {
                    sendPnLSingle(reqId: reqId, conId: conId, to: session)
                }
            }
        }
        if time.milliseconds(since: lastAccountPush) >= configuration.accountUpdateIntervalMilliseconds {
            lastAccountPush = time
            for session in readySessions {
                if session.accountUpdates { sendAccountValues(to: session, conIds: nil) }
                for (reqId, tags) in session.accountSummaries.sorted(by: { $0.key < $1.key }) {
                    sendAccountSummary(reqId: reqId, tags: tags, to: session)
                }
                for reqId in session.accountMulti.sorted() {
                    sendAccountMulti(reqId: reqId, modelCode: "", to: session, end: false)
                }
            }
        }
    }
}
