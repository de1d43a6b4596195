/// What the server sends on the Client Portal websocket: JSON objects with a `topic`.
///
/// Shapes (https://www.interactivebrokers.com/campus/ibkr-api-page/cpapi-v1/#websockets):
/// - `{"topic":"system","success":"user1234","isFT":false,"isPaper":true}` on connect, then
///   `{"topic":"system","hb":1702406443000}` heartbeats;
/// - `{"topic":"sts","args":{"authenticated":true,"competing":false,"message":"","fail":"","serverName":"…","serverVersion":"…","username":"…"}}`;
/// - market data: the snapshot's shape with `"topic":"smd+265598"` (only fields that changed);
/// - `{"topic":"sor","args":[{live order}, …]}` (orders that changed);
/// - `{"topic":"spl","args":{"U1234567.Core":{"rowType":1,"dpl":15.7,"nl":10000.0,"upl":607.0,"el":10000.0,"mv":0.0}}}`.
public enum PortalStreamMessage {
    /// The connect greeting.
    public struct System: Codable, Sendable, Equatable {
        /// `system`.
        public var topic: String = "system"
        /// The user name, on connect.
        public var success: String?
        /// Whether a free-trial account.
        public var isFT: Bool?
        /// Whether a paper account.
        public var isPaper: Bool?
        /// A heartbeat's time, milliseconds since the epoch.
        public var hb: Int64?

        /// The greeting.
        public static func greeting(user: String) -> System { System(success: user, isFT: false, isPaper: true) }
        /// A heartbeat.
        public static func heartbeat(at milliseconds: Int64) -> System { System(hb: milliseconds) }
    }

    /// The session's status (`sts`).
    public struct Status: Codable, Sendable, Equatable {
        /// `sts`.
        public var topic: String = "sts"
        /// The status.
        public var args: Args

        /// The status's fields.
        public struct Args: Codable, Sendable, Equatable {
            /// Whether authenticated.
            public var authenticated: Bool
            /// Whether another session competes.
            public var competing: Bool
            /// A message.
            public var message: String
            /// The user name.
            public var username: String
        }

        /// A status message.
        public init(authenticated: Bool, competing: Bool, username: String) {
            args = Args(authenticated: authenticated, competing: competing, message: "", username: username)
        }
    }

    /// Live orders that changed (`sor`).
    public struct Orders: Codable, Sendable, Equatable {
        /// `sor`.
        public var topic: String = "sor"
        /// The orders.
        public var args: [LiveOrder]

        /// A message of orders.
        public init(args: [LiveOrder]) { self.args = args }
    }

    /// Profit and loss (`spl`), keyed `ACCOUNT.Core`.
    public struct PnL: Codable, Sendable, Equatable {
        /// `spl`.
        public var topic: String = "spl"
        /// The rows.
        public var args: [String: PnLRow]

        /// A message of rows.
        public init(args: [String: PnLRow]) { self.args = args }
    }

    /// One account's P&L row.
    public struct PnLRow: Codable, Sendable, Equatable {
        /// 1.
        public var rowType: Int
        /// Daily P&L.
        public var dpl: Double
        /// Net liquidation.
        public var nl: Double
        /// Unrealized P&L.
        public var upl: Double
        /// Excess liquidity.
        public var el: Double
        /// Market value of positions.
        public var mv: Double

        /// A row.
        public init(dailyPnL: Double, netLiquidation: Double, unrealizedPnL: Double, excessLiquidity: Double, marketValue: Double) {
            rowType = 1
            dpl = dailyPnL
            nl = netLiquidation
            upl = unrealizedPnL
            el = excessLiquidity
            mv = marketValue
        }
    }

    /// An error about a message the server could not read.
    public struct Error: Codable, Sendable, Equatable {
        /// `error`.
        public var topic: String = "error"
        /// What is wrong.
        public var error: String

        /// An error message.
        public init(error: String) { self.error = error }
    }
}
