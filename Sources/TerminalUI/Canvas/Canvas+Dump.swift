extension Canvas {
    /// Builds a canvas from text lines (for expected values in tests): as wide as the widest
    /// line, in the plain style with no role.
    public init(lines: [String]) {
        let width = lines.map { DisplayWidth.of($0) }.max() ?? 0
        self.init(size: Size(width: width, height: lines.count))
        for (row, line) in lines.enumerated() {
            write(line, at: Point(x: 0, y: row))
        }
    }

    /// The characters, one string per row; the continuation half of a wide character is
    /// omitted, so each line reads as the terminal would show it.
    public var lines: [String] {
        (0..<size.height).map { y in
            String(row(y).filter { !$0.isContinuation }.map(\.character))
        }
    }

    /// One character per cell naming its theme role (`ThemeRole.dumpLetter`), `.` for a cell
    /// with no role. Both halves of a wide character carry its letter.
    public var roleLines: [String] {
        (0..<size.height).map { y in
            String(row(y).map { $0.role?.dumpLetter ?? "." })
        }
    }

    /// `lines` joined with newlines.
    public var textDump: String { lines.joined(separator: "\n") }

    /// `roleLines` joined with newlines.
    public var roleDump: String { roleLines.joined(separator: "\n") }
}
