import ArgumentParser
import Dashboard
import Vocabulary

/// `--time-zone local|exchange|utc`: the zone times are shown in, over the config file's
/// `time_zone` (default `local`, the machine's zone).
struct TimeZoneOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The zone times are shown in: local (the machine's), exchange (New York, EST/EDT) or utc (default: the config's time_zone, else local).",
        valueName: "local|exchange|utc"))
    var timeZone: DisplayTimeZone.Choice?

    /// The zone to show times in: `--time-zone`, else `configured`, with `local` read from the
    /// machine.
    func resolved(configured: DisplayTimeZone.Choice) -> DisplayTimeZone {
        (timeZone ?? configured).resolved(local: MachineTimeZone.current())
    }
}

/// `--time-zone` reads the config file's words, in either case.
extension DisplayTimeZone.Choice: ExpressibleByArgument {
    /// Reads `local`, `exchange` or `utc` (any case).
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
