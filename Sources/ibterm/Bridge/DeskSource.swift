import Dashboard
import DashboardRuntime
import DeskBus
import Foundation
import Logging

/// `--source redis://HOST:PORT/DESK`: which desk, on which Redis, as whom; and what the screen
/// says when asked for an order (nothing is sent through a bridge from a screen yet).
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

    /// Why this screen sends no orders or cancels.
    var ordersRefusal: String {
        "This screen watches desk \(keys.desk) through its bridge, which takes no orders or cancels from screens yet; place them where the bridge's gateway is (ibterm --gateway, ibterm order)."
    }

    func subscriber(store: DashboardStore, logger: Logger) -> DeskSubscriber {
        DeskSubscriber(address: address, credentials: credentials, keys: keys, store: store, logger: logger)
    }
}
