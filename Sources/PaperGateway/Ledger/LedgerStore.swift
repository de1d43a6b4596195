import Foundation
import GRDB
import PaperExchange
import Vocabulary

/// The paper account's ledger in SQLite (through GRDB): cash and account figures, every order,
/// every execution with its commission, positions and the id counters.
///
/// The gateway calls ``record(_:)`` after every exchange operation that changed something and
/// before it tells any client, so a process killed at any moment never told a client about a
/// fill the ledger lacks. Every record is one transaction: positions always equal the sum of
/// the executions stored with them.
final class LedgerStore {
    /// What one exchange operation changed.
    struct Change {
        /// Orders whose state changed.
        var orders: [PaperOrder] = []
        /// New fills, each with its commission record.
        var fills: [Fill] = []
        /// The account after the operation.
        var account: PaperAccount
        /// Counters after the operation.
        var nextValidOrderId: Int
        var nextPermId: Int
        var nextExecutionSequence: Int
        var sessionDay: Int64
    }

    /// What the ledger holds, ready to restore an exchange from.
    struct Restored {
        var snapshot: PaperExchangeSnapshot
        var commissions: [String: PaperCommissionReport]
    }

    private let queue: DatabaseQueue
    private let checkpointer: LedgerCheckpointer
    private let encoder = LedgerJSONEncoder()
    private let decoder = JSONDecoder()

    /// Opens (creating if needed) the ledger at `path`; `fresh` erases what it held.
    init(path: String, fresh: Bool) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Checkpoints run on LedgerCheckpointer's thread, not inside a commit. Only when
            // writes never pause long enough for it to catch up (the WAL restarts only once
            // fully copied) does the commit that takes the WAL past 10,000 pages (~40 MB)
            // checkpoint inline, which bounds the file.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(LedgerCheckpointer.inlineThresholdPages)")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(queue)
        checkpointer = try LedgerCheckpointer(path: path)
        if fresh {
            try queue.write { db in
                for table in ["meta", "orders", "executions", "positions"] {
                    try db.execute(sql: "DELETE FROM \(table)")
                }
            }
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                CREATE TABLE orders (
                    orderId INTEGER PRIMARY KEY NOT NULL, clientId INTEGER NOT NULL,
                    status TEXT NOT NULL, tif TEXT NOT NULL, body TEXT NOT NULL);
                CREATE TABLE executions (
                    execId TEXT NOT NULL UNIQUE, orderId INTEGER NOT NULL,
                    conId INTEGER NOT NULL, signedShares INTEGER NOT NULL, price TEXT NOT NULL,
                    commission TEXT NOT NULL, realizedPNL TEXT, body TEXT NOT NULL);
                CREATE TABLE positions (
                    conId INTEGER PRIMARY KEY NOT NULL, symbol TEXT NOT NULL,
                    quantity INTEGER NOT NULL, averagePrice TEXT NOT NULL);
                """)
        }
        return migrator
    }

    /// Writes one operation's changes in a single transaction.
    ///
    /// The statements are compiled once per connection (GRDB's statement cache) and the JSON
    /// bodies are written by ``LedgerJSONEncoder``: on the order path this transaction runs
    /// before every fill is reported, so its cost is part of each order's round trip.
    func record(_ change: Change) throws {
        try queue.write { db in
            if !change.orders.isEmpty {
                let statement = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO orders (orderId, clientId, status, tif, body) VALUES (?, ?, ?, ?, ?)")
                // An order changed twice in one transaction is written once, as it ended up.
                var last: [Int: Int] = [:]
                for (index, order) in change.orders.enumerated() { last[order.orderId] = index }
                for (index, order) in change.orders.enumerated() where last[order.orderId] == index {
                    try statement.execute(arguments: [
                        order.orderId, order.clientId, order.status.ibText, order.request.tif.rawValue, try json(order),
                    ])
                }
            }
            if !change.fills.isEmpty {
                let executions = try db.cachedStatement(sql: """
                    INSERT INTO executions
                    (execId, orderId, conId, signedShares, price, commission, realizedPNL, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                for fill in change.fills {
                    let execution = fill.execution
                    try executions.execute(arguments: [
                        execution.execId, execution.orderId, execution.instrument.conId,
                        execution.signedShares, execution.price.description,
                        fill.commission.commission.description,
                        fill.commission.realizedPNL?.description, try json(execution),
                    ])
                }
                let positions = try db.cachedStatement(
                    sql: "INSERT OR REPLACE INTO positions (conId, symbol, quantity, averagePrice) VALUES (?, ?, ?, ?)")
                var touched: Set<Int> = []
                for fill in change.fills where touched.insert(fill.execution.instrument.conId).inserted {
                    let conId = fill.execution.instrument.conId
                    let position = change.account.positions[conId]
                    try positions.execute(arguments: [
                        conId, position?.instrument.localSymbol ?? "", position?.quantity ?? 0,
                        (position?.averagePrice ?? .zero).description,
                    ])
                }
            }
            let meta = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?), (?, ?), (?, ?), (?, ?), (?, ?)")
            try meta.execute(arguments: [
                "account", try json(change.account),
                "nextValidOrderId", String(change.nextValidOrderId),
                "nextPermId", String(change.nextPermId),
                "nextExecutionSequence", String(change.nextExecutionSequence),
                "sessionDay", String(change.sessionDay),
            ])
        }
    }

    /// Stops the background checkpoints; the ledger stays readable and writable.
    func stopCheckpointing() {
        checkpointer.stop()
    }

    /// The stored ledger, or `nil` when the file holds no account yet.
    func restore() throws -> Restored? {
        try queue.read { db -> Restored? in
            var meta: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") {
                meta[row["key"]] = row["value"]
            }
            guard let accountText = meta["account"] else { return nil }
            let account = try decoder.decode(PaperAccount.self, from: Data(accountText.utf8))
            let orders = try String.fetchAll(db, sql: "SELECT body FROM orders ORDER BY orderId").map {
                try decoder.decode(PaperOrder.self, from: Data($0.utf8))
            }
            var executions: [PaperExecution] = []
            var commissions: [String: PaperCommissionReport] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT execId, commission, realizedPNL, body FROM executions ORDER BY rowid") {
                let body: String = row["body"]
                let execution = try decoder.decode(PaperExecution.self, from: Data(body.utf8))
                executions.append(execution)
                let commission: String = row["commission"]
                let realized: String? = row["realizedPNL"]
                commissions[execution.execId] = PaperCommissionReport(
                    execId: execution.execId, commission: FixedDecimal(commission) ?? .zero, currency: "USD",
                    realizedPNL: realized.flatMap { FixedDecimal($0) })
            }
            let snapshot = PaperExchangeSnapshot(
                account: account, orders: orders, executions: executions,
                nextValidOrderId: Int(meta["nextValidOrderId"] ?? "") ?? 1,
                nextPermId: Int(meta["nextPermId"] ?? "") ?? 1_000_001,
                nextExecutionSequence: Int(meta["nextExecutionSequence"] ?? "") ?? 1,
                sessionDay: Int64(meta["sessionDay"] ?? "") ?? 0)
            return Restored(snapshot: snapshot, commissions: commissions)
        }
    }

    private func json(_ value: some Encodable) throws -> String {
        try encoder.encode(value)
    }
}
