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

    /// Sets `config`'s zone: `--time-zone` over the file's `time_zone`, with `local` the zone
    /// read from the machine now; `config.displayTimeZone` is then the zone to show times in.
    func apply(to config: inout DashboardConfig) {
        config.timeZone = timeZone ?? config.timeZone
        config.localTimeZone = MachineTimeZone.current()
    }

    /// The zone to show times in, for a command that reads `config` for nothing else.
    func resolved(_ config: DashboardConfig) -> DisplayTimeZone {
        var config = config
        apply(to: &config)
        return config.displayTimeZone
    }
}

/// `--time-zone` reads the config file's words, in either case.
extension DisplayTimeZone.Choice: ExpressibleByArgument {
    /// Reads `local`, `exchange` or `utc` (any case).
    public init?(argument: String) {
        self.init(rawValue: argument.lowercased())
    }
}
