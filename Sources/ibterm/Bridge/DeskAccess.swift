import DeskBus
import RedisLink

/// How a process reaches its desk: the desk's Redis, the ACL user it logs in as, and the desk's
/// key names. The bridge's writers and readers and a screen's reader and command writer each
/// make their own connection from it.
struct DeskAccess: Sendable {
    let address: RedisAddress
    let credentials: RedisCredentials
    let keys: DeskKeys

    /// A new connection, logged in.
    func connect() throws(RedisError) -> RedisConnection {
        try address.connect(as: credentials)
    }
}
