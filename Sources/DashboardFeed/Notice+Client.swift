import Dashboard
import TWSStreams
import Vocabulary

extension Notice {
    /// The dashboard's notice for a gateway message, filed under `requestID` (the quote
    /// subscription or order it concerns, or the message's own id).
    public init(_ notice: TWSNotice, requestID: Int) {
        self.init(requestID: requestID, code: notice.code, text: notice.message, context: notice.context)
    }
}
