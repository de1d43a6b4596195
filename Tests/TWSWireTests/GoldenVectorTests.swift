import Testing
@testable import TWSWire

@Suite struct GoldenVectorTests {
    static let checked = GoldenVector.all.filter { $0.suspect == nil && !$0.isHandshake }
    static let clientVectors = checked.filter { $0.isClientToServer }
    static let serverVectors = checked.filter { !$0.isClientToServer }

    @Test func findsEveryVectorFile() {
        #expect(GoldenVector.all.count == 119)
        #expect(Self.clientVectors.count >= 22)
        #expect(Self.serverVectors.count >= 60)
    }

    /// ibterm's client writes requests exactly as IB's official client does: byte for byte,
    /// with no spelling override at all.
    @Test(arguments: clientVectors)
    func clientRequestDecodesAndReencodesIdentically(_ vector: GoldenVector) throws {
        let version = vector.serverVersion ?? 157
        let message = try ClientMessage.decode(vector.payload, serverVersion: version)
        if case .unknown = message { Issue.record("\(vector) decoded as unknown") }
        #expect(message.encoded(serverVersion: version) == vector.bytes, "\(vector)")
    }

    /// Every server frame decodes with no field left over and re-encodes to the same bytes;
    /// where the sender spelled a number differently, the value is the same.
    @Test(arguments: serverVectors)
    func serverEventDecodesAndReencodesIdentically(_ vector: GoldenVector) throws {
        let version = vector.serverVersion!
        let (message, spelling) = try ServerMessage.decodeKeepingSpelling(vector.payload, serverVersion: version)
        if case .unknown = message { Issue.record("\(vector) decoded as unknown") }
        #expect(message.encoded(serverVersion: version, spelling: spelling) == vector.bytes, "\(vector)")
    }

    @Test func handshakeVectorsParse() throws {
        for vector in GoldenVector.all where vector.isHandshake {
            let bytes = vector.bytes
            if vector.isClientToServer || vector.file.contains("request") {
                #expect(Array(bytes.prefix(4)) == Handshake.prefix, "\(vector)")
                let offer = try VersionOffer(parsing: bytes.dropFirst(8))
                #expect(Handshake.clientHello(offer) == bytes, "\(vector)")
                #expect(Handshake.negotiate(offer) == min(offer.range.upperBound, 200))
            } else {
                let hello = try ServerHello(parsing: bytes.dropFirst(4))
                #expect(hello.serverVersion == vector.serverVersion, "\(vector)")
                #expect(hello.encoded() == bytes, "\(vector)")
            }
        }
    }

    /// Our gateway's own spelling matches the emulator frames that real clients verified for
    /// the messages that stream most.
    @Test func gatewaySpellsHotMessagesLikeTheVerifiedFrames() throws {
        let hot = Self.serverVectors.filter { $0.group == "server" && ["tickPrice", "tickSize", "tickString", "orderStatus", "position", "pnl", "error", "nextValidId", "managedAccounts", "currentTime", "updatePortfolio", "execDetails"].contains(where: $0.file.contains) }
        #expect(hot.count >= 30)
        for vector in hot {
            let message = try ServerMessage.decode(vector.payload, serverVersion: vector.serverVersion!)
            #expect(message.encoded(serverVersion: vector.serverVersion!) == vector.bytes, "\(vector)")
        }
    }
}
