import Dispatch
import GRDB

/// Copies the ledger's write-ahead log into the database file on a background thread, so the
/// gateway's event loop never waits for a checkpoint.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses the WAL threshold (1000
/// pages, every few hundred orders), and with `synchronous = NORMAL` it syncs the WAL and the
/// database file: one order in a few hundred would wait milliseconds for the disk. The ledger's
/// own connection raises that threshold to ``inlineThresholdPages`` and this second connection
/// runs a PASSIVE checkpoint every ``interval``, which never blocks the writer. A WAL restarts
/// from its beginning only once it has been copied entirely, which a writer that never pauses
/// (a benchmark placing thousands of orders a second) does not allow; the raised threshold
/// then bounds the file, at the cost of one inline checkpoint per ~10,000 pages. Durability is
/// unchanged: a committed transaction is in the WAL either way, and survives a crash of the
/// process (a power loss may lose the last transactions, as with `synchronous = NORMAL` before).
final class LedgerCheckpointer {
    /// How often the WAL is checkpointed.
    static let interval = DispatchTimeInterval.milliseconds(200)
    /// The WAL size, in pages, at which the writer's own commit checkpoints (SQLite's default: 1000).
    static let inlineThresholdPages = 10_000

    private let timer: any DispatchSourceTimer

    /// Starts checkpointing the database at `path` on a utility-priority queue.
    init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "ibterm.ledger.checkpoint", qos: .utility))
        timer.schedule(deadline: .now() + Self.interval, repeating: Self.interval, leeway: .milliseconds(50))
        timer.setEventHandler {
            // A busy or failed checkpoint is retried on the next round; the WAL keeps every
            // committed transaction meanwhile.
            try? connection.writeWithoutTransaction { db in
                _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            }
        }
        timer.resume()
        self.timer = timer
    }

    /// Stops checkpointing (the connection closes with the timer's handler).
    func stop() {
        timer.cancel()
    }

    deinit {
        timer.cancel()
    }
}
