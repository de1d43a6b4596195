import TWSClient

// The module and its actor share the name `TWSClient`; this file imports only the client
// module to name its quote type.

/// The client's accumulated quote for one subscription.
typealias ClientQuote = Quote
