import TWSClient
import TWSSession
import TWSWire
import Vocabulary

/// The order worker of a soak: places resting limit orders far from the market and cancels
/// them later, places marketable orders that fill, and places orders it cancels at once
/// (mid-flight), whatever the connection is doing. Every handle's stream is followed to the
/// end by the ``SoakObserver``.
actor SoakWorker {
    /// What the worker attempted and what the client refused.
    struct Tally: Sendable {
        var placeAttempts = 0
        var placeRefused = 0
        var cancelAttempts = 0
        var cancelRefused = 0
        var resting = 0
        var marketable = 0
        var cancelledMidFlight = 0
        var refusals: [String: Int] = [:]
    }

    private let client: IBClient
    private let observer: SoakObserver
    private let symbols: [String]
    private var generator: SeededGenerator
    private let pause: ClosedRange<Int>
    private(set) var tally = Tally()
    private var restingIds: [Int] = []
    private var pendingCancels: [Int] = []
    private var nextRef = 1
    private var followers: [Task<Void, Never>] = []

    init(client: IBClient, observer: SoakObserver, symbols: [String], seed: UInt64, pause: ClosedRange<Int>) {
        self.client = client
        self.observer = observer
        self.symbols = symbols
        self.generator = SeededGenerator(seed: seed)
        self.pause = pause
    }

    /// Acts until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: .milliseconds(Int.random(in: pause, using: &generator)))
            } catch {
                return
            }
            await step()
        }
    }

    private func step() async {
        // Cancels refused while the connection was down are retried first.
        if let orderId = pendingCancels.first {
            if await cancel(orderId) { pendingCancels.removeFirst() }
            return
        }
        let roll = Int.random(in: 0..<100, using: &generator)
        let symbol = symbols[Int.random(in: 0..<symbols.count, using: &generator)]
        switch roll {
        case 0..<35:
            if let orderId = await place(symbol: symbol, marketable: false) {
                tally.resting += 1
                restingIds.append(orderId)
            }
        case 35..<65:
            if await place(symbol: symbol, marketable: true) != nil { tally.marketable += 1 }
        case 65..<80:
            if let orderId = await place(symbol: symbol, marketable: false) {
                tally.cancelledMidFlight += 1
                if !(await cancel(orderId)) { pendingCancels.append(orderId) }
            }
        default:
            guard !restingIds.isEmpty else { return }
            let orderId = restingIds.remove(at: Int.random(in: 0..<restingIds.count, using: &generator))
            if !(await cancel(orderId)) { pendingCancels.append(orderId) }
        }
    }

    /// Places one order; `nil` when the client refused it.
    private func place(symbol: String, marketable: Bool) async -> Int? {
        let ref = "soak-\(nextRef)"
        nextRef += 1
        let buy = Bool.random(using: &generator)
        var order = marketable
            ? Order(action: buy ? "BUY" : "SELL", totalQuantity: FixedDecimal(Int.random(in: 1...3, using: &generator)), orderType: "MKT")
            : Order(action: "BUY", totalQuantity: FixedDecimal(Int.random(in: 1...5, using: &generator)), orderType: "LMT", lmtPrice: 1.00)
        order.orderRef = ref
        let contract = Contract(symbol: symbol, secType: "STK", exchange: "SMART", currency: "USD")
        tally.placeAttempts += 1
        let handle: OrderHandle
        do {
            handle = try await client.placeOrder(contract, order)
        } catch {
            tally.placeRefused += 1
            tally.refusals["\(error.code)", default: 0] += 1
            return nil
        }
        await observer.track(orderId: handle.orderId, orderRef: ref)
        let observer = self.observer
        followers.append(Task {
            for await event in handle.events { await observer.record(event, orderId: handle.orderId) }
            await observer.finished(orderId: handle.orderId)
        })
        return handle.orderId
    }

    /// Asks to cancel one order; `false` when the client refused (not connected).
    private func cancel(_ orderId: Int) async -> Bool {
        tally.cancelAttempts += 1
        do {
            try await client.cancelOrder(orderId)
            return true
        } catch {
            tally.cancelRefused += 1
            return false
        }
    }

    /// Orders placed to rest and not yet asked to cancel, and cancels still to retry.
    var stillResting: [Int] { restingIds + pendingCancels }
}
