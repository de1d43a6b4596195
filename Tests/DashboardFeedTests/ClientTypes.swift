import TWSClient

// `Quote` and `OrderStatus` exist in both Dashboard and TWSClient; the client's get names here.
typealias ClientOrderStatus = OrderStatus
