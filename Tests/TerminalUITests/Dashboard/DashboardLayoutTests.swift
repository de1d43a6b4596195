import Testing
import TerminalUI

@Suite struct DashboardLayoutTests {
    @Test func modesFollowTheSize() {
        #expect(DashboardLayout(size: Size(width: 120, height: 40)).mode == .full)
        #expect(DashboardLayout(size: Size(width: 100, height: 30)).mode == .full)
        #expect(DashboardLayout(size: Size(width: 99, height: 30)).mode == .compact)
        #expect(DashboardLayout(size: Size(width: 100, height: 29)).mode == .compact)
        #expect(DashboardLayout(size: Size(width: 80, height: 24)).mode == .compact)
        #expect(DashboardLayout(size: Size(width: 79, height: 24)).mode == .tooSmall)
        #expect(DashboardLayout(size: Size(width: 80, height: 23)).mode == .tooSmall)
        #expect(DashboardLayout(size: .zero).mode == .tooSmall)
    }

    @Test func theFullLayoutHasEveryPaneAndTheCompactOneFewer() {
        #expect(Set(DashboardLayout(size: Size(width: 120, height: 40)).panes.keys) == Set(PaneID.allCases))
        let compact = DashboardLayout(size: Size(width: 80, height: 24))
        #expect(Set(compact.panes.keys) == [.watchlist, .positions, .pnl, .orders, .messages])
        let executions = DashboardLayout(size: Size(width: 80, height: 24), focus: .executions)
        #expect(executions.panes[.executions] == compact.panes[.orders])
        #expect(executions.panes[.orders] == nil)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 99, height: 29), Size(width: 100, height: 30),
                      Size(width: 120, height: 40), Size(width: 200, height: 60)])
    func panesTileTheContentWithoutOverlapping(size: Size) {
        let layout = DashboardLayout(size: size, ticketHeight: 12)
        var covered = Set<Int>()
        for area in layout.panes.values {
            #expect(area.width >= 3 && area.height >= 3, "\(area)")
            for y in area.y..<area.maxY {
                for x in area.x..<area.maxX {
                    #expect(covered.insert(y * size.width + x).inserted, "overlap at \(x),\(y)")
                }
            }
        }
        #expect(covered.count == layout.content.size.area)
        #expect(layout.statusBar == Rect(x: 0, y: size.height - 1, width: size.width, height: 1))
        #expect(layout.footer == Rect(x: 0, y: size.height - 2, width: size.width, height: 1))
        #expect(layout.commandLine.maxY == layout.footer.y)
    }

    @Test func theTicketGrowsToFitAReviewButLeavesExecutionsARow() {
        let small = DashboardLayout(size: Size(width: 100, height: 30), ticketHeight: 3)
        let large = DashboardLayout(size: Size(width: 100, height: 30), ticketHeight: 14)
        #expect(large.panes[.ticket]!.height == 16)
        #expect(large.panes[.ticket]!.height > small.panes[.ticket]!.height)
        let huge = DashboardLayout(size: Size(width: 100, height: 30), ticketHeight: 100)
        #expect(huge.panes[.executions]!.height == 4)
    }
}
