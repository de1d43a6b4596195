import Foundation
import Testing
import TerminalUI

/// Compares a canvas with two baseline files named after the test, `Snapshots/<name>.txt`
/// (the characters) and `Snapshots/<name>.style.txt` (one role letter per cell), so a screen
/// change shows up as a plain diff. `RECORD_SNAPSHOTS=1` rewrites the baselines and fails the
/// test, so every new baseline is reviewed.
func expectSnapshot(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let files = [("\(name).txt", canvas.textDump + "\n"), ("\(name).style.txt", canvas.roleDump + "\n")]
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        for (file, content) in files {
            try? content.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        Issue.record("recorded \(name); unset RECORD_SNAPSHOTS and run again", sourceLocation: sourceLocation)
        return
    }
    for (file, content) in files {
        guard let baseline = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
            Issue.record("no baseline \(file); run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            continue
        }
        #expect(content == baseline, "\(file) differs from its baseline", sourceLocation: sourceLocation)
    }
}
