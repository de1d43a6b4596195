import Testing
@testable import TWSWire
import Vocabulary

@Suite struct FrameDecoderTests {
    static let payloads: [[UInt8]] = [
        Array("1\u{0}6\u{0}1\u{0}1\u{0}150.09\u{0}300\u{0}0\u{0}".utf8),
        [],
        Array("4\u{0}2\u{0}-1\u{0}2104\u{0}Market data farm connection is OK:usfarm\u{0}".utf8),
        Array(repeating: UInt8(ascii: "x"), count: 300) + [0],
    ]
    static let stream: [UInt8] = payloads.flatMap { FrameEncoder.frame($0) }

    func frames(feeding chunks: [ArraySlice<UInt8>]) throws -> [[UInt8]] {
        var decoder = FrameDecoder()
        var out: [[UInt8]] = []
        for chunk in chunks {
            decoder.append(chunk)
            while let frame = try decoder.nextFrame() { out.append(Array(frame)) }
        }
        try decoder.finish()
        return out
    }

    @Test func yieldsAllFramesFromOneBuffer() throws {
        #expect(try frames(feeding: [Self.stream[...]]) == Self.payloads)
    }

    @Test func yieldsTheSameFramesOneByteAtATime() throws {
        #expect(try frames(feeding: Self.stream.indices.map { Self.stream[$0...$0] }) == Self.payloads)
    }

    @Test func yieldsTheSameFramesForEverySplitPoint() throws {
        let stream = Self.stream
        for split in 0...stream.count {
            #expect(try frames(feeding: [stream[..<split], stream[split...]]) == Self.payloads, "split at \(split)")
        }
    }

    @Test func yieldsTheSameFramesForRandomThreeWaySplits() throws {
        var rng = SeededGenerator(seed: 7)
        let stream = Self.stream
        for _ in 0..<2000 {
            let a = Int.random(in: 0...stream.count, using: &rng)
            let b = Int.random(in: a...stream.count, using: &rng)
            #expect(try frames(feeding: [stream[..<a], stream[a..<b], stream[b...]]) == Self.payloads)
        }
    }

    @Test func refusesAnAbsurdLengthBeforeReadingThePayload() {
        var decoder = FrameDecoder()
        decoder.append([0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: FramingError.frameTooLarge(length: 0xFFFF_FFFF, limit: FrameDecoder.defaultLimit)) { try decoder.nextFrame() }
        var small = FrameDecoder(limit: 10)
        small.append([0, 0, 0, 11])
        #expect(throws: FramingError.frameTooLarge(length: 11, limit: 10)) { try small.nextFrame() }
    }

    @Test func waitsForTheRestOfATruncatedFrameAndReportsItAtTheEnd() throws {
        var decoder = FrameDecoder()
        decoder.append([0, 0, 0, 5, 65, 66])
        #expect(try decoder.nextFrame() == nil)
        #expect(throws: FramingError.truncatedFrame(expected: 9, available: 6)) { try decoder.finish() }
        decoder.append([67, 68, 69])
        #expect(try decoder.nextFrame().map(Array.init) == [65, 66, 67, 68, 69])
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func keepsItsBufferBoundedOverALongStream() throws {
        var decoder = FrameDecoder()
        let frame = FrameEncoder.frame(Array(repeating: UInt8(ascii: "a"), count: 100))
        for _ in 0..<10_000 {
            decoder.append(frame)
            _ = try decoder.nextFrame()
        }
        #expect(decoder.bufferedByteCount == 0)
    }
}
