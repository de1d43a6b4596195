import Testing
import TerminalUI
import Vocabulary

@Suite struct VirtualTerminalTests {
    @Test func rebuildsEachFrameFromDiffsAlone() {
        let terminal = VirtualTerminal(size: Size(width: 12, height: 3))
        var frame = Canvas(size: terminal.size)
        Panel(title: "P&L").render(in: frame.bounds, on: &frame, theme: .builtinDefault)
        terminal.present(frame)
        frame.write("+12.50", at: Point(x: 1, y: 1), role: .up)
        terminal.present(frame)
        frame.write("株", at: Point(x: 2, y: 1))
        terminal.present(frame)
        #expect(terminal.screen == frame)
        #expect(terminal.diffs.map(\.isFullRedraw) == [true, false, false])
        #expect(terminal.diffs[1].cellCount == 6)
        #expect(terminal.diffs[2].runs.map(\.text) == ["株"])
    }

    @Test func repaintsEverythingAfterAResize() {
        let terminal = VirtualTerminal(size: Size(width: 4, height: 1))
        terminal.present(Canvas(lines: ["abcd"]))
        terminal.resize(to: Size(width: 2, height: 2))
        #expect(terminal.readEvent() == .resize(Size(width: 2, height: 2)))
        #expect(terminal.readEvent() == nil)
        terminal.present(Canvas(lines: ["xy", "zw"]))
        #expect(terminal.diffs.last?.isFullRedraw == true)
        #expect(terminal.screen.lines == ["xy", "zw"])
    }

    @Test func appliesRandomEditsExactly() {
        var generator = SeededGenerator(seed: 42)
        let size = Size(width: 9, height: 4)
        var old = Canvas(size: size)
        let pieces = ["a", "株", "bc", "式d", " ", "é"]
        for _ in 0..<200 {
            var new = old
            for _ in 0..<3 {
                let piece = pieces[Int(generator.next() % UInt64(pieces.count))]
                let point = Point(x: Int(generator.next() % 10) - 1, y: Int(generator.next() % 4))
                new.write(piece, at: point, role: generator.next() % 2 == 0 ? .up : nil)
            }
            var replayed = old
            replayed.apply(CanvasDiff(from: old, to: new))
            #expect(replayed == new)
            old = new
        }
    }
}
