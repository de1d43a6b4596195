import TWSClient

// The module and its actor share the name `TWSClient`, so `TWSClient.Quote` names a member of
// the actor. This file imports only the client module to give its quote type another name.

/// The client's accumulated quote for one subscription.
typealias ClientQuote = Quote
