import Testing
import TerminalUI

@Suite struct GeometryTests {
    @Test func clampsNegativeSizesToZero() {
        #expect(Size(width: -3, height: 4) == Size(width: 0, height: 4))
        #expect(Rect(x: 0, y: 0, width: 5, height: 5).inset(by: 4).size == .zero)
    }

    @Test func intersectsOverlappingAndDisjointRectangles() {
        let a = Rect(x: 0, y: 0, width: 10, height: 5)
        let b = Rect(x: 6, y: 3, width: 10, height: 10)
        #expect(a.intersection(b) == Rect(x: 6, y: 3, width: 4, height: 2))
        #expect(a.intersection(Rect(x: 20, y: 20, width: 3, height: 3)).isEmpty)
    }

    @Test func splitsRectanglesWithClamping() {
        let area = Rect(x: 2, y: 1, width: 20, height: 10)
        let (top, rest) = area.splitTop(3)
        #expect(top == Rect(x: 2, y: 1, width: 20, height: 3))
        #expect(rest == Rect(x: 2, y: 4, width: 20, height: 7))
        let (above, bottom) = area.splitBottom(1)
        #expect(bottom == Rect(x: 2, y: 10, width: 20, height: 1))
        #expect(above.height == 9)
        let (left, right) = area.splitLeft(50)
        #expect(left.width == 20)
        #expect(right.isEmpty)
    }

    @Test func containsOnlyPointsInsideTheHalfOpenRange() {
        let area = Rect(x: 1, y: 1, width: 2, height: 2)
        #expect(area.contains(Point(x: 1, y: 1)))
        #expect(area.contains(Point(x: 2, y: 2)))
        #expect(!area.contains(Point(x: 3, y: 2)))
        #expect(!area.contains(Point(x: 0, y: 1)))
    }
}
