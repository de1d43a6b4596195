/// One element of `GET /portfolio/accounts`: an account whose portfolio the user can see.
/// IB requires this call before the other `/portfolio` endpoints.
///
/// Shape as IB's Web API documentation gives it
/// (https://www.interactivebrokers.com/campus/ibkr-api-page/webapi-doc/#portfolio-accounts):
/// `{"id":"U1234567","brokerageAccess":true,"accountId":"U1234567","accountVan":"U1234567",
///   "accountTitle":"","displayName":"U1234567","accountAlias":null,"accountStatus":1644814800000,
///   "currency":"USD","type":"DEMO","tradingType":"PMRGN","businessType":"IB_PROSERVE",
///   "ibEntity":"IBLLC-US","faclient":false,"clearingStatus":"O","covestor":false,
///   "noClientTrading":false,"trackVirtualFXPortfolio":true,"parent":{…},"desc":"U1234567"}`.
public struct PortfolioAccount: Codable, Sendable, Equatable {
    /// The account id.
    public var id: String
    /// Whether the brokerage session can trade it.
    public var brokerageAccess: Bool?
    /// The account id, again.
    public var accountId: String
    /// The account's "VAN" id (the account id for an ordinary account).
    public var accountVan: String?
    /// The account's title.
    public var accountTitle: String?
    /// The name shown for it.
    public var displayName: String?
    /// A user-set alias, or null.
    public var accountAlias: String?
    /// When the account was opened, milliseconds since the epoch.
    public var accountStatus: Int64?
    /// The base currency.
    public var currency: String
    /// The account's kind (`DEMO` for a paper account).
    public var type: String
    /// The trading type (`PMRGN` portfolio margin, `REGT`, `CASH`).
    public var tradingType: String?
    /// IB's business type.
    public var businessType: String?
    /// IB's legal entity holding the account.
    public var ibEntity: String?
    /// An advisor's client account.
    public var faclient: Bool?
    /// The clearing status (`O` open).
    public var clearingStatus: String?
    /// A Covestor account.
    public var covestor: Bool?
    /// Whether the client cannot trade it.
    public var noClientTrading: Bool?
    /// Whether virtual FX positions are tracked.
    public var trackVirtualFXPortfolio: Bool?
    /// The account's place in a multi-level structure.
    public var parent: Parent?
    /// A description.
    public var desc: String?

    /// A paper account as the paper gateway shows it: `DEMO`, cash in `currency`.
    public init(id: String, currency: String, type: String = "DEMO", tradingType: String? = "CASH", accountStatus: Int64? = nil) {
        self.id = id
        self.brokerageAccess = true
        self.accountId = id
        self.accountVan = id
        self.accountTitle = ""
        self.displayName = id
        self.accountAlias = nil
        self.accountStatus = accountStatus
        self.currency = currency
        self.type = type
        self.tradingType = tradingType
        self.businessType = nil
        self.ibEntity = nil
        self.faclient = false
        self.clearingStatus = "O"
        self.covestor = false
        self.noClientTrading = false
        self.trackVirtualFXPortfolio = true
        self.parent = Parent(mmc: [], accountId: "", isMParent: false, isMChild: false, isMultiplex: false)
        self.desc = id
    }

    /// `parent`: the account's parent in an advisor or multiplex structure (empty for a plain one).
    public struct Parent: Codable, Sendable, Equatable {
        /// Money managers' client accounts.
        public var mmc: [String]
        /// The parent account, empty when none.
        public var accountId: String
        /// A multiplex parent.
        public var isMParent: Bool
        /// A multiplex child.
        public var isMChild: Bool
        /// Part of a multiplex structure.
        public var isMultiplex: Bool

        /// A parent record.
        public init(mmc: [String], accountId: String, isMParent: Bool, isMChild: Bool, isMultiplex: Bool) {
            self.mmc = mmc
            self.accountId = accountId
            self.isMParent = isMParent
            self.isMChild = isMChild
            self.isMultiplex = isMultiplex
        }
    }
}
