import Testing
import TerminalUI

@Suite struct DashboardViewTests {
    @Test(arguments: paneSizes)
    func everySizeShowsTheBadgeAndTheRightScreen(size: Size) {
        let canvas = DashboardFixture.render(width: size.width, height: size.height)
        let text = canvas.textDump
        #expect(canvas.size == size)
        #expect(text.contains(" PAPER "))
        switch DashboardLayout(size: size).mode {
        case .full:
            for title in ["Watchlist", "Positions", "P&L", "Order ticket", "Orders", "Executions", "Messages"] {
                #expect(text.contains(title), "\(title) at \(size)")
            }
            #expect(text.contains("✕ MSFT") && text.contains("stale 47 s"))
            #expect(text.contains("⊘ NVDA") && text.contains("no entitlement"))
            #expect(text.contains(" BUY  100 AAPL LMT 231.20 DAY"))
            #expect(text.contains("Limit price 243.001"))
        case .compact:
            #expect(text.contains("Watchlist") && text.contains("Positions") && text.contains("P&L"))
            #expect(text.contains("Orders"))
            #expect(!text.contains("Executions"))
            #expect(text.contains("stale 47 s"))
            #expect(text.contains(" BUY  100 AAPL LMT 231.20 DAY"), "the ticket is an overlay")
        case .tooSmall:
            #expect(text.contains("terminal too small"))
            #expect(text.contains("need 80x24, have \(size)"))
            #expect(!text.contains("Watchlist"))
        }
    }

    @Test func theFullLayoutAt120x40() {
        let canvas = DashboardFixture.render(width: 120, height: 40)
        #expect(canvas.lines[0].hasPrefix("┏━[Watchlist]"))
        #expect(canvas.lines[0].hasSuffix("╭─ P&L ────────────────────────────────╮"))
        #expect(canvas.lines[2].hasPrefix("┃▶ ● AAPL      231.18    231.22    231.20  +0.54%    41.2M live"))
        #expect(canvas.lines[39].hasPrefix(" PAPER  │ connected │ 127.0.0.1:4002 │ DU1234567 │ server v178"))
        #expect(canvas.lines[39].hasSuffix("●2 live ◐1 aging ✕1 stale ⊘1 no entitlement │ 10:32:15"))
    }

    @Test func aStaleRowAndALiveRowHaveDifferentRoles() {
        var screen = DashboardFixture.screen
        screen.selection = [:]
        let canvas = DashboardFixture.render(screen, width: 120, height: 40)
        let live = DashboardFixture.line(containing: "AAPL      231.18", in: canvas)!
        let stale = DashboardFixture.line(containing: "MSFT      415.02", in: canvas)!
        let liveRoles = canvas.roleLines[live].prefix(78)
        let staleRoles = canvas.roleLines[stale].prefix(78)
        #expect(liveRoles != staleRoles)
        #expect(roles(of: "415.02", in: canvas) == "ssssss")
        #expect(roles(of: "231.18", in: canvas) == "tttttt")
        #expect(!staleRoles.contains("t") || staleRoles.filter { $0 == "t" }.count < liveRoles.filter { $0 == "t" }.count)
    }

    @Test func theFocusBorderFollowsTheFocus() {
        var screen = DashboardFixture.screen
        screen.focus = .orders
        let canvas = DashboardFixture.render(screen, width: 120, height: 40)
        #expect(canvas.lines[0].hasPrefix("╭─ Watchlist"))
        let orders = DashboardFixture.line(containing: "[Orders]", in: canvas)!
        #expect(canvas.lines[orders].hasPrefix("┏━[Orders]"))
        #expect(roles(of: "┏━", in: canvas) == "ff")
        #expect(canvas.textDump.filter { $0 == "┏" }.count == 1)
    }

    @Test func compactShowsExecutionsInPlaceOfOrdersWhenFocused() {
        var screen = DashboardFixture.screen
        screen.focus = .executions
        screen.ticket = nil
        let text = DashboardFixture.render(screen, width: 80, height: 24).textDump
        #expect(text.contains("[Executions]"))
        #expect(!text.contains("Orders"))
        #expect(!text.contains("Order ticket"))
    }

    @Test func compactWithoutATicketHasNoOverlay() {
        var screen = DashboardFixture.screen
        screen.ticket = nil
        let canvas = DashboardFixture.render(screen, width: 80, height: 24)
        #expect(!canvas.textDump.contains("Order ticket"))
        #expect(canvas.textDump.contains("● GOOGL"))
        #expect(canvas.textDump.contains("Messages"))
        #expect(canvas.textDump.contains("✖ 10:32:11"))
    }

    @Test func tooSmallIsOneLineWhenItFits() {
        let canvas = DashboardFixture.render(width: 79, height: 23)
        #expect(canvas.textDump.contains("terminal too small (need 80x24, have 79x23)"))
        #expect(canvas.lines[22].hasPrefix(" PAPER "))
    }

    @Test func tooSmallNamesTheOnlyKeysThatWork() {
        let canvas = DashboardFixture.render(width: 40, height: 10)
        #expect(canvas.textDump.contains("other keys ignored; q or ctrl-c quits"))
        var asking = DashboardFixture.screen
        asking.isAskingToQuit = true
        asking.quitKeys = ["x", "ctrl-c"]
        let question = DashboardFixture.render(asking, width: 40, height: 10)
        #expect(question.textDump.contains("orders working: x or ctrl-c again quits"))
        #expect(question.lines[9].hasPrefix(" PAPER "))
    }

    @Test func tooSmallKeyLineGivesWayToTheMessageOnTinyScreens() {
        let two = DashboardFixture.render(width: 30, height: 3)
        #expect(two.lines[0].contains("terminal too small"))
        #expect(two.lines[1].contains("need 80x24"))
        #expect(two.lines[2].hasPrefix(" PAPER "))
        let three = DashboardFixture.render(width: 30, height: 4)
        #expect(three.lines[2].contains("other keys ignored"), "\(three.lines)")
        let single = DashboardFixture.render(width: 30, height: 1)
        #expect(single.lines[0].contains("too small"))
    }

    @Test func noTrapAtAnySizeWithAnyOverlay() {
        var review = DashboardFixture.ticket
        review.mode = .review
        review.reviewLines = DashboardFixture.reviewLines
        review.refusal = .init(field: nil, message: "The reference quote is stale; press Enter again to override.")
        let overlays: [OverlayView?] = [
            nil, .help(.defaults), .commandLine(text: "buy 100 AAPL lmt 231.20", cursor: 7, message: "unknown"),
            .confirmation(ConfirmationPrompt(title: "Quit", question: "Two orders are working. Quit anyway?")),
        ]
        for width in stride(from: 0, through: 130, by: 5) {
            for height in stride(from: 0, through: 45, by: 3) {
                for (index, overlay) in overlays.enumerated() {
                    var screen = DashboardFixture.screen
                    screen.overlay = overlay
                    screen.ticket = index % 2 == 0 ? review : DashboardFixture.ticket
                    screen.focus = PaneID.allCases[(width + height) % PaneID.allCases.count]
                    screen.selection = [.watchlist: 9, .orders: 1, .messages: 5]
                    let canvas = DashboardFixture.render(screen, width: width, height: height,
                                                         glyphs: index == 3 ? .ascii : .unicode)
                    #expect(canvas.size == Size(width: width, height: height))
                }
            }
        }
        for size in [Size(width: 1, height: 1), Size(width: 0, height: 40), Size(width: 130, height: 0),
                     Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 99, height: 29)] {
            #expect(DashboardFixture.render(width: size.width, height: size.height).size == size)
        }
    }

    @Test func anEmptyScreenRendersHints() {
        let screen = DashboardScreen(status: DashboardFixture.status)
        let text = DashboardView.render(screen, size: Size(width: 120, height: 40), theme: .builtinDefault,
                                        glyphs: .unicode).textDump
        #expect(text.contains("No symbols. Press a to add one."))
        #expect(text.contains("No open positions."))
        #expect(text.contains("Press b to buy or s to sell"))
        #expect(text.contains("No fills yet."))
        #expect(text.contains("No messages."))
    }
}
