import Dashboard
import DashboardRuntime
import DeskBus
import Foundation
import Logging

/// `--source redis://HOST:PORT/DESK`: which desk, on which Redis, as whom.
struct DeskSource: CustomStringConvertible {
    let address: RedisAddress
    let keys: DeskKeys
    let credentials: RedisCredentials

    init(text: String, config: DashboardConfig, gatewayGiven: Bool) throws {
        guard !gatewayGiven else { throw AppFailure("--source and --gateway name two different feeds; give one") }
        address = try RedisAddress(text)
        do { keys = try DeskKeys(desk: address.desk ?? "main") } catch { throw AppFailure("\(error)") }
        guard let credentials = RedisCredentials.find(environment: ProcessInfo.processInfo.environment, config: (config.redisUser, config.redisPassword)) else {
            throw AppFailure("no Redis credentials for \(address): set IBTERM_REDIS_USER and IBTERM_REDIS_PASSWORD, or [redis] user and password in the config")
        }
        self.credentials = credentials
    }

    var description: String { "desk \(keys.desk) via \(address.host):\(address.port)" }

    /// How this screen reaches the desk.
    var access: DeskAccess { DeskAccess(address: address, credentials: credentials, keys: keys) }

    /// The writer of this screen's commands to the desk.
    func commander(store: DashboardStore, logger: Logger) -> DeskCommander {
        DeskCommander(desk: access, store: store, logger: logger)
    }

    func subscriber(store: DashboardStore, commander: DeskCommander?, logger: Logger) -> DeskSubscriber {
        DeskSubscriber(desk: access, store: store, commander: commander, logger: logger)
    }
}
