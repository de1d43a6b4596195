/// One HISTORICAL_DATA message encoded a part at a time: a server that draws a large answer over
/// several turns encodes each part as it is drawn and frames the whole once the last part is
/// in, so that no turn encodes more than its part.
///
/// The frame is byte for byte the one ``ServerMessage/historicalData(_:)`` encodes: IB's
/// clients read a request's bars from one message (its bar count precedes the bars), so the
/// answer cannot be split into several messages.
///
/// ```swift
/// var answer = HistoricalDataEncoder(reqId: 7)
/// answer.append(firstBars)
/// answer.append(moreBars)
/// let frame = answer.frame(startDate: start, endDate: end, serverVersion: 200)
/// ```
public struct HistoricalDataEncoder: Sendable {
    /// The request the answer is for.
    public let reqId: Int
    /// How many bars were appended.
    public private(set) var barCount = 0
    /// The appended bars' fields.
    private var fields: [UInt8] = []

    /// Starts an empty answer to `reqId`.
    public init(reqId: Int) {
        self.reqId = reqId
    }

    /// The bytes the bars take so far.
    public var encodedByteCount: Int { fields.count }

    /// Encodes `bars` after those appended before.
    public mutating func append(_ bars: some Sequence<Bar>) {
        var writer = FieldWriter(style: .server, continuingFields: fields)
        fields = []
        for bar in bars {
            HistoricalData.write(bar, to: &writer)
            barCount += 1
        }
        fields = writer.bytes
    }

    /// The whole HISTORICAL_DATA frame (length prefix included) for `serverVersion`: below
    /// version 196 it carries the span's dates, from 196 they travel in HISTORICAL_DATA_END.
    public func frame(startDate: String, endDate: String, serverVersion: Int) -> [UInt8] {
        var writer = FieldWriter(style: .server, reserving: 64 + fields.count)
        writer.int(Self.messageID)
        writer.int(reqId)
        if serverVersion < ServerVersion.historicalDataEnd {
            writer.string(startDate)
            writer.string(endDate)
        }
        writer.int(barCount)
        writer.rawFields(fields)
        return writer.finishFrame()
    }

    /// HISTORICAL_DATA's message id.
    static let messageID = 17
}
