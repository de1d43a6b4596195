import ArgumentParser
import Vocabulary

/// `--tif DAY|GTC` (either case) on the command line: IB's codes, as the ticket uses them.
extension TimeInForce: ExpressibleByArgument {
    /// Reads `day`, `DAY`, `gtc` or `GTC`.
    public init?(argument: String) {
        self.init(rawValue: argument.uppercased())
    }
}
