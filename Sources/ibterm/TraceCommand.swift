import ArgumentParser
import Dashboard
import Foundation
import TWSTrace
import Vocabulary

/// `ibterm trace FILE`: a trace (`--trace FILE`, `:dump`, a crash dump) printed message by
/// message, decoded, with the ids it is about followed back to the request that opened them.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Print a trace (from --trace, :dump or a crash) decoded message by message.",
        discussion: """
            Each line: the wall time in the zone of --time-zone (else the config's time_zone), \
            the monotonic time since the trace's first record, the connection (#1, #2, ...), \
            the direction (→ to the gateway, ← from it, · an event), IB's name of the message and \
            its fields (unset ones left out). A message about a request or order id says, in \
            brackets, what that id was, from the request that opened it earlier in the trace. \
            --grep keeps the messages about an error code, an order or request id, or a symbol \
            (directly or through its id). --json prints one JSON object per line. A last record \
            cut short (the program died while writing it) is skipped and said on standard error.
            """
    )

    @Argument(help: "The trace file.")
    var file: String

    @Flag(help: "Print one JSON object per record instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Only messages about this error code, order or request id, or symbol.", valueName: "CODE|ID|SYMBOL"))
    var grep: String?

    @OptionGroup var settings: ConfigOptions

    @OptionGroup var timeZone: TimeZoneOption

    func run() throws {
        let zone: DisplayTimeZone
        do {
            zone = try timeZone.resolved(settings.load())
        } catch {
            FileHandle.standardError.write(Data("ibterm: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        guard let handle = FileHandle(forReadingAtPath: file) else {
            FileHandle.standardError.write(Data("ibterm: cannot read \(file): \(String(cString: strerror(errno)))\n".utf8))
            throw ExitCode.failure
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: TraceFileHeader.size)) ?? Data()
        if let problem = TraceFileHeader.problem(in: [UInt8](header)) {
            FileHandle.standardError.write(Data("ibterm: \(file): \(problem)\n".utf8))
            throw ExitCode.failure
        }
        var printer = TracePrinter(zone: zone, json: json, grep: grep)
        var reader = TraceReader()
        var damage: [String] = []
        func drain() {
            while let item = reader.next() {
                switch item {
                case .record(let record):
                    printer.print(record)
                case let .skipped(offset, count):
                    damage.append("\(count) damaged bytes at offset \(offset + TraceFileHeader.size) were skipped")
                case let .tornTail(offset, count):
                    damage.append("the last record was incomplete (\(count) bytes at offset \(offset + TraceFileHeader.size)) and was skipped")
                }
            }
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            reader.feed(chunk)
            drain()
        }
        reader.finish()
        drain()
        printer.finish()
        for problem in damage { FileHandle.standardError.write(Data("ibterm: \(file): \(problem)\n".utf8)) }
    }
}

/// Prints interpreted records as text lines or JSON lines.
struct TracePrinter {
    let zone: DisplayTimeZone
    let json: Bool
    let grep: String?
    private var interpreter = TraceInterpreter()
    private var first: UInt64?
    private var day: String?
    private var printedHeader = false
    private var printed = 0
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(zone: DisplayTimeZone, json: Bool, grep: String?) {
        self.zone = zone
        self.json = json
        self.grep = grep
    }

    struct Line: Encodable {
        var time: String
        var wallNs: Int64
        var monotonicNs: UInt64
        var offsetNs: UInt64
        var connection: UInt32
        var direction: String
        var kind: String
        var serverVersion: Int
        var name: String
        var messageId: Int?
        var fields: [String: String]
        var ids: [Int]?
        var code: Int?
        var symbols: [String]?
        var about: String?
        var problem: String?
    }

    mutating func print(_ record: TraceRecord) {
        let entry = interpreter.interpret(record)
        let start = first ?? record.monotonicNanoseconds
        first = start
        if let grep, !entry.matches(grep) { return }
        printed += 1
        let offset = record.monotonicNanoseconds >= start ? record.monotonicNanoseconds - start : 0
        let time = Timestamp(millisecondsSinceEpoch: record.wallNanoseconds / 1_000_000)
        if json {
            var fields: [String: String] = [:]
            for field in entry.fields where fields[field.name] == nil { fields[field.name] = field.value }
            let line = Line(
                time: TimeText.iso8601(time, fractionalSeconds: true), wallNs: record.wallNanoseconds,
                monotonicNs: record.monotonicNanoseconds, offsetNs: offset, connection: record.connection,
                direction: entry.direction.rawValue, kind: "\(record.kind)", serverVersion: Int(record.serverVersion),
                name: entry.name, messageId: entry.messageID, fields: fields, ids: entry.ids.isEmpty ? nil : entry.ids,
                code: entry.code, symbols: entry.symbols.isEmpty ? nil : entry.symbols, about: entry.about, problem: entry.problem)
            if let data = try? encoder.encode(line) { Swift.print(String(decoding: data, as: UTF8.self)) }
            return
        }
        if !printedHeader {
            printedHeader = true
            Swift.print("TIME (\(zone.abbreviation(at: time)))  SINCE START   CONN  MESSAGE")
        }
        let today = TimeText.dateTime(time, in: zone).prefix(8)
        if day != String(today) {
            day = String(today)
            Swift.print("-- \(today) --")
        }
        let arrow = switch entry.direction {
        case .inbound: "←"
        case .outbound: "→"
        case .event: "·"
        }
        let seconds = Double(offset) / 1_000_000_000
        var line = TimeText.timeOfDayWithMilliseconds(time, in: zone) + "  " + pad(String(format: "+%.6f", seconds), 12, right: true)
            + "  " + pad("#\(record.connection)", 4) + "  " + arrow + " " + entry.name
        let fields = entry.fields.map { "\($0.name)=\(Self.quoted($0.value))" }
        if !fields.isEmpty { line += "  " + fields.joined(separator: " ") }
        if let about = entry.about, let id = entry.ids.first { line += "  [\(id): \(about)]" }
        if let problem = entry.problem { line += "  (not decoded: \(problem))" }
        Swift.print(line)
    }

    func finish() {
        guard !json, printed == 0 else { return }
        Swift.print(grep.map { "No record matches '\($0)'." } ?? "The trace holds no records.")
    }

    /// A value as printed: as is, or in quotes when it has spaces or is empty.
    static func quoted(_ value: String) -> String {
        value.isEmpty || value.contains(" ") || value.contains("=") ? "\"\(value)\"" : value
    }
}
