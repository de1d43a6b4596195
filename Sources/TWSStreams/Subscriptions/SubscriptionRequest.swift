import TWSSession
import TWSWire
import Vocabulary

/// What a subscription sends to (re)subscribe and to cancel, stored in the subscription table.
package enum SubscriptionRequest: Hashable, Sendable {
    case marketData(Contract, genericTicks: String)
    /// Quotes asked for as delayed data (IB: reqMarketDataType(3) around this reqMktData).
    case delayedMarketData(Contract, genericTicks: String)
    case accountUpdates(account: String)
    case accountSummary(group: String, tags: String)
    case positions
    case profitAndLoss(account: String, modelCode: String)
    case profitAndLossSingle(account: String, modelCode: String, conId: Int)
    case marketDepth(Contract, rows: Int, smart: Bool)
    case tickByTick(Contract, type: TickByTickType)

    /// The table's kind for this request.
    package var kind: SubscriptionKind {
        switch self {
        case .marketData: .marketData
        case .delayedMarketData: .marketData
        case .accountUpdates: .accountUpdates
        case .accountSummary: .accountSummary
        case .positions: .positions
        case .profitAndLoss: .profitAndLoss
        case .profitAndLossSingle: .profitAndLossSingle
        case .marketDepth: .marketDepth
        case .tickByTick: .tickByTick
        }
    }

    /// The message that starts the subscription under `reqId`.
    package func subscribe(reqId: Int) -> ClientMessage {
        switch self {
        case .marketData(let contract, let ticks), .delayedMarketData(let contract, let ticks):
            .requestMarketData(RequestMarketData(reqId: reqId, contract: contract, genericTickList: ticks))
        case .accountUpdates(let account):
            .requestAccountUpdates(RequestAccountUpdates(subscribe: true, account: account))
        case .accountSummary(let group, let tags):
            .requestAccountSummary(RequestAccountSummary(reqId: reqId, groupName: group, tags: tags))
        case .positions:
            .requestPositions
        case .profitAndLoss(let account, let model):
            .requestPnL(RequestPnL(reqId: reqId, account: account, modelCode: model))
        case .profitAndLossSingle(let account, let model, let conId):
            .requestPnLSingle(RequestPnLSingle(reqId: reqId, account: account, modelCode: model, conId: conId))
        case .marketDepth(let contract, let rows, let smart):
            .requestMarketDepth(RequestMarketDepth(reqId: reqId, contract: contract, numRows: rows, isSmartDepth: smart))
        case .tickByTick(let contract, let type):
            .requestTickByTick(RequestTickByTick(reqId: reqId, contract: contract, tickType: type.rawValue))
        }
    }

    /// The message that stops the subscription sent under `reqId`.
    package func cancel(reqId: Int) -> ClientMessage {
        switch self {
        case .marketData, .delayedMarketData: .cancelMarketData(reqId: reqId)
        case .accountUpdates(let account): .requestAccountUpdates(RequestAccountUpdates(subscribe: false, account: account))
        case .accountSummary: .cancelAccountSummary(reqId: reqId)
        case .positions: .cancelPositions
        case .profitAndLoss: .cancelPnL(reqId: reqId)
        case .profitAndLossSingle: .cancelPnLSingle(reqId: reqId)
        case .marketDepth(_, _, let smart): .cancelMarketDepth(reqId: reqId, isSmartDepth: smart)
        case .tickByTick: .cancelTickByTick(reqId: reqId)
        }
    }

    /// The market data type this request needs on the wire when it is sent, if it differs
    /// from the connection's (IB applies reqMarketDataType to the reqMktData that follow it).
    package var marketDataType: MarketDataType? {
        if case .delayedMarketData = self { return .delayed }
        return nil
    }

    /// Whether the wire request is shared by every subscription equal to it (positions and
    /// account updates carry no request id), so it may be cancelled only with the last one.
    package var isShared: Bool {
        switch self {
        case .positions, .accountUpdates: true
        default: false
        }
    }
}
