/// What each server message id is: IB's name, the area it belongs to, and which leading field
/// holds the request, ticker or order id it is about.
///
/// It lets a client name and place a message whose fields could not be decoded, from the few
/// leading fields that precede anything that can go wrong.
public enum ServerMessageDirectory {
    /// One message id's entry.
    public struct Entry: Hashable, Sendable {
        /// IB's name, e.g. `TICK_PRICE`.
        public var name: String
        /// The area the message belongs to.
        public var area: ServerMessageArea
        /// The field (the message id is field 0) that holds the id the message is about, or
        /// `nil` when the message carries none.
        public var subjectIndex: Int?
        /// What kind of id ``subjectIndex`` holds.
        public var subjectKind: SubjectKind?

        init(_ name: String, _ area: ServerMessageArea, _ subject: (Int, SubjectKind)? = nil) {
            self.name = name
            self.area = area
            self.subjectIndex = subject?.0
            self.subjectKind = subject?.1
        }
    }

    /// The kind of id a message's subject field holds.
    public enum SubjectKind: Hashable, Sendable {
        /// A request or ticker id.
        case request
        /// An order id.
        case order
        /// ERR_MSG's id: a request, ticker or order id, or -1.
        case noticeTarget
    }

    /// Every server message id this codec decodes, in id order.
    public static let knownIDs: [Int] = [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 17, 45, 46, 49, 50, 52, 53, 54, 55, 57, 58, 59,
        61, 62, 63, 64, 73, 74, 76, 79, 81, 88, 90, 93, 94, 95, 99, 100, 101, 102, 108, 109,
    ]

    /// The entry for message `id` at `serverVersion`, or `nil` for an id this codec does not know.
    public static func entry(id: Int, serverVersion sv: Int) -> Entry? {
        switch id {
        case 1: Entry("TICK_PRICE", .marketData, (2, .request))
        case 2: Entry("TICK_SIZE", .marketData, (2, .request))
        case 3: Entry("ORDER_STATUS", .orders, (1, .order))
        case 4: Entry("ERR_MSG", .notices, (sv < ServerVersion.errorTime ? 2 : 1, .noticeTarget))
        case 5: Entry("OPEN_ORDER", .orders, (1, .order))
        case 6: Entry("ACCT_VALUE", .account)
        case 7: Entry("PORTFOLIO_VALUE", .account)
        case 8: Entry("ACCT_UPDATE_TIME", .account)
        case 9: Entry("NEXT_VALID_ID", .session)
        case 10: Entry("CONTRACT_DATA", .contracts, (sv < ServerVersion.sizeRules ? 2 : 1, .request))
        case 11: Entry("EXECUTION_DATA", .orders, (2, .order))
        case 12: Entry("MARKET_DEPTH", .marketData, (2, .request))
        case 13: Entry("MARKET_DEPTH_L2", .marketData, (2, .request))
        case 15: Entry("MANAGED_ACCTS", .session)
        case 17: Entry("HISTORICAL_DATA", .historicalData, (1, .request))
        case 45: Entry("TICK_GENERIC", .marketData, (2, .request))
        case 46: Entry("TICK_STRING", .marketData, (2, .request))
        case 49: Entry("CURRENT_TIME", .session)
        case 52: Entry("CONTRACT_DATA_END", .contracts, (2, .request))
        case 53: Entry("OPEN_ORDER_END", .orders)
        case 54: Entry("ACCT_DOWNLOAD_END", .account)
        case 55: Entry("EXECUTION_DATA_END", .orders, (2, .request))
        case 57: Entry("TICK_SNAPSHOT_END", .marketData, (2, .request))
        case 58: Entry("MARKET_DATA_TYPE", .marketData, (2, .request))
        case 59: Entry("COMMISSION_REPORT", .orders)
        case 61: Entry("POSITION_DATA", .account)
        case 62: Entry("POSITION_END", .account)
        case 63: Entry("ACCOUNT_SUMMARY", .account, (2, .request))
        case 64: Entry("ACCOUNT_SUMMARY_END", .account, (2, .request))
        case 73: Entry("ACCOUNT_UPDATE_MULTI", .account, (2, .request))
        case 74: Entry("ACCOUNT_UPDATE_MULTI_END", .account, (2, .request))
        case 79: Entry("SYMBOL_SAMPLES", .contracts, (1, .request))
        case 81: Entry("TICK_REQ_PARAMS", .marketData, (1, .request))
        case 50: Entry("REAL_TIME_BARS", .marketData, (2, .request))
        case 76: Entry("SECURITY_DEFINITION_OPTION_PARAMETER_END", .contracts, (1, .request))
        case 93: Entry("MARKET_RULE", .contracts)
        case 99: Entry("TICK_BY_TICK", .marketData, (1, .request))
        case 88: Entry("HEAD_TIMESTAMP", .historicalData, (1, .request))
        case 90: Entry("HISTORICAL_DATA_UPDATE", .historicalData, (1, .request))
        case 94: Entry("PNL", .account, (1, .request))
        case 95: Entry("PNL_SINGLE", .account, (1, .request))
        case 100: Entry("ORDER_BOUND", .orders, (3, .order))
        case 101: Entry("COMPLETED_ORDER", .orders)
        case 102: Entry("COMPLETED_ORDERS_END", .orders)
        case 108: Entry("HISTORICAL_DATA_END", .historicalData, (1, .request))
        case 109: Entry("CURRENT_TIME_IN_MILLIS", .session)
        default: nil
        }
    }
}
