// The client's values (quotes, order events, notices, ...) are TWSStreams' types: whoever
// imports TWSClient sees them as before.
@_exported import TWSStreams
