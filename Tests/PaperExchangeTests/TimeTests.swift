import Testing
import PaperExchange
import Vocabulary

@Suite struct TimeTests {
    @Test func buildsExecutionIdsInIBFormat() {
        let id = PaperExecution.makeID(sequence: 0xE0D5, time: Timestamp(secondsSinceEpoch: 0x67FE_667B), fillNumber: 1)
        #expect(id == "0000e0d5.67fe667b.01.01")
    }
}
