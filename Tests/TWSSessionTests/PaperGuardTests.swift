import Testing

@testable import TWSSession

@Suite struct PaperGuardTests {
    @Test func treatsDUAndDFAccountsAsPaperAndEverythingElseAsLive() {
        #expect(PaperGuard.environment(managedAccounts: ["DU1234567"]) == .paper)
        #expect(PaperGuard.environment(managedAccounts: ["DF100", "DU200"]) == .paper)
        #expect(PaperGuard.environment(managedAccounts: ["U1234567"]) == .live)
        #expect(PaperGuard.environment(managedAccounts: ["DU1", "U2"]) == .live)
    }

    @Test func usesThePortOnlyAsAHintBeforeAccountsArrive() {
        #expect(PaperGuard.environment(managedAccounts: [], port: 4002) == .paper)
        #expect(PaperGuard.environment(managedAccounts: [], port: 7497) == .paper)
        #expect(PaperGuard.environment(managedAccounts: [], port: 4001) == .live)
        #expect(PaperGuard.environment(managedAccounts: [], port: 9999) == .unknown)
        #expect(PaperGuard.environment(managedAccounts: []) == .unknown)
        // A live account behind a paper port is live.
        #expect(PaperGuard.environment(managedAccounts: ["U1"], port: 4002) == .live)
    }

    @Test func allowsOrdersOnPaperAccounts() throws {
        let guardrail = PaperGuard()
        try guardrail.authorizeOrder(account: "DU1234567", managedAccounts: ["DU1234567"])
        try guardrail.authorizeOrder(account: nil, managedAccounts: ["DU1", "DF2"])
    }

    @Test func refusesOrdersOnALiveAccountWithATypedError() {
        let guardrail = PaperGuard()
        #expect(throws: PaperGuardError(code: .liveAccount, account: "U7654321")) {
            try guardrail.authorizeOrder(account: "U7654321", managedAccounts: ["U7654321"])
        }
        #expect(throws: PaperGuardError(code: .liveAccount, account: "U2")) {
            try guardrail.authorizeOrder(account: nil, managedAccounts: ["DU1", "U2"])
        }
        #expect(throws: PaperGuardError(code: .accountsUnknown, account: nil)) {
            try guardrail.authorizeOrder(account: nil, managedAccounts: [])
        }
        #expect(throws: PaperGuardError(code: .accountNotManaged, account: "DU9")) {
            try guardrail.authorizeOrder(account: "DU9", managedAccounts: ["DU1"])
        }
    }

    @Test func allowsLiveOrdersOnlyWhenAllowLiveWasSet() throws {
        let guardrail = PaperGuard(allowLive: true)
        try guardrail.authorizeOrder(account: "U7654321", managedAccounts: ["U7654321"])
        try guardrail.authorizeOrder(account: nil, managedAccounts: ["DU1", "U2"])
        #expect(throws: PaperGuardError(code: .accountNotManaged, account: "U9")) {
            try guardrail.authorizeOrder(account: "U9", managedAccounts: ["U7654321"])
        }
    }

    @Test func describesARefusalInPlainWords() {
        let error = PaperGuardError(code: .liveAccount, account: "U1")
        #expect(error.description.contains("live account U1"))
        #expect(error.description.contains("allow-live"))
    }
}
