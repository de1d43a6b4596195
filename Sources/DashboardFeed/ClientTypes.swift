import TWSClient

// The module and its actor share the name `TWSClient`, so `TWSClient.Quote` names a member of
// the actor, and `Quote` alone is ambiguous next to `Dashboard.Quote`. This file imports only
// the client module to give its quote type another name.

/// The client's accumulated quote for one subscription (`TWSClient`'s `Quote`).
public typealias ClientQuote = Quote

/// One open order with its latest status (`TWSClient`'s `OpenOrderReport`).
public typealias ClientOpenOrderReport = OpenOrderReport

/// One fill with its commission (`TWSClient`'s `ExecutionReport`).
public typealias ClientExecutionReport = ExecutionReport
