import TWSClient

/// How `ibterm history`, `ibterm search` and `ibterm depth` word a refusal from the gateway,
/// and its exit code: 2 when the gateway knows no such contract (IB 200), 1 for any other
/// refusal (a duration or bar size it does not accept: 321; the historical service's 162; no
/// market-data subscription: 354; ...), a request left unanswered or a lost connection.
extension CommandFailure {
    /// The exit code for a contract the gateway does not know.
    static let noSuchContractExitCode: Int32 = 2

    /// The failure for `notice`, IB's answer to the request about `subject` (e.g. `AAPL`).
    init(_ subject: String, notice: TWSNotice) {
        let ib = "IB \(notice.code): \(notice.message)"
        if notice.code == 200 {
            self.init("\(subject): no such contract at the gateway (\(ib))", exitCode: Self.noSuchContractExitCode)
        } else {
            self.init("\(subject): the gateway refused the request: \(notice.plainWords)")
        }
    }

    /// The failure for a request about `subject` that threw `error`.
    init(_ subject: String, error: any Error) {
        if let notice = (error as? TWSClientError)?.notice {
            self.init(subject, notice: notice)
        } else {
            self.init("\(subject): \(error)")
        }
    }
}
