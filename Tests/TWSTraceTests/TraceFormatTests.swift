import Testing
@testable import TWSTrace

@Suite("Trace format")
struct TraceFormatTests {
    static func sample(_ index: Int, payload: Int = 20) -> TraceRecord {
        TraceRecord(
            kind: index % 2 == 0 ? .inbound : .outbound, serverVersion: 200, connection: UInt32(1 + index % 3),
            monotonicNanoseconds: 1_000_000_000 + UInt64(index) * 1_000, wallNanoseconds: 1_764_800_000_000_000_000 + Int64(index),
            payload: (0 ..< payload + index % 7).map { UInt8(truncatingIfNeeded: $0 * 31 + index) })
    }

    static func records(_ items: [TraceReader.Item]) -> [TraceRecord] {
        items.compactMap { if case .record(let record) = $0 { record } else { nil } }
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(of: Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum(of: [UInt8]()) == 0)
        #expect(CRC32.checksum(of: Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
        // Eight bytes at a time agrees with a byte at a time, at every length and split.
        let bytes = (0 ..< 300).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) }
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 299] {
            var bitwise: UInt32 = 0xFFFF_FFFF
            for byte in bytes.prefix(length) {
                bitwise ^= UInt32(byte)
                for _ in 0 ..< 8 { bitwise = bitwise & 1 == 1 ? 0xEDB8_8320 ^ (bitwise >> 1) : bitwise >> 1 }
            }
            #expect(CRC32.checksum(of: bytes.prefix(length)) == bitwise ^ 0xFFFF_FFFF, "length \(length)")
            var split = CRC32()
            split.update(bytes.prefix(length / 3))
            split.update(bytes[(length / 3) ..< length])
            #expect(split.value == bitwise ^ 0xFFFF_FFFF, "split \(length)")
        }
    }

    @Test func recordsRoundTripThroughTheirBytes() {
        let originals = (0 ..< 50).map { Self.sample($0) } + [
            TraceRecord(kind: .handshake, connection: 9, monotonicNanoseconds: 5, wallNanoseconds: -3, payload: []),
            TraceRecord(kind: .dropped, connection: 0, monotonicNanoseconds: .max, wallNanoseconds: .min, payload: [0, 0, 0, 0, 0, 0, 0, 7]),
        ]
        var bytes: [UInt8] = []
        for record in originals { record.encode(into: &bytes) }
        let items = TraceReader.items(of: bytes)
        #expect(items.count == originals.count)
        #expect(Self.records(items) == originals)
    }

    @Test func bytesFedInPiecesReadAsWhole() {
        let originals = (0 ..< 40).map { Self.sample($0, payload: 300) }
        var bytes: [UInt8] = []
        for record in originals { record.encode(into: &bytes) }
        for piece in [1, 7, 64, 4096] {
            var reader = TraceReader()
            var read: [TraceRecord] = []
            var offset = 0
            while offset < bytes.count {
                reader.feed(bytes[offset ..< min(bytes.count, offset + piece)])
                offset += piece
                while let item = reader.next() {
                    guard case .record(let record) = item else { Issue.record("unexpected \(item)"); continue }
                    read.append(record)
                }
            }
            reader.finish()
            #expect(reader.next() == nil)
            #expect(read == originals, "pieces of \(piece)")
        }
    }

    @Test func aFileCutAtEveryOffsetOfItsLastRecordKeepsThoseBefore() {
        let originals = (0 ..< 5).map { Self.sample($0) }
        var bytes: [UInt8] = []
        for record in originals.dropLast() { record.encode(into: &bytes) }
        let whole = bytes.count
        originals.last!.encode(into: &bytes)
        for cut in whole ..< bytes.count {
            let items = TraceReader.items(of: bytes[..<cut])
            #expect(Self.records(items) == Array(originals.dropLast()), "cut at \(cut)")
            if cut > whole {
                #expect(items.last == .tornTail(offset: whole, count: cut - whole), "cut at \(cut)")
            } else {
                #expect(items.count == originals.count - 1)
            }
        }
        #expect(Self.records(TraceReader.items(of: bytes)) == originals)
    }

    @Test func aCorruptChecksumSkipsOnlyThatRecord() {
        let originals = (0 ..< 6).map { Self.sample($0) }
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for record in originals {
            starts.append(bytes.count)
            record.encode(into: &bytes)
        }
        // A flipped payload byte in record 2 breaks its checksum.
        var damaged = bytes
        damaged[starts[2] + TraceRecord.overhead + 3] ^= 0x40
        let items = TraceReader.items(of: damaged)
        #expect(Self.records(items) == originals.enumerated().filter { $0.offset != 2 }.map(\.element))
        #expect(items.contains(.skipped(offset: starts[2], count: starts[3] - starts[2])))
        // The same damage in the last record is a torn tail.
        var last = bytes
        last[last.count - 1] ^= 0x01
        let tail = TraceReader.items(of: last)
        #expect(Self.records(tail) == Array(originals.dropLast()))
        #expect(tail.last == .tornTail(offset: starts[5], count: bytes.count - starts[5]))
    }

    @Test func aTornRecordFollowedByALaterRunsRecordsIsSkipped() {
        var bytes: [UInt8] = []
        Self.sample(0).encode(into: &bytes)
        let torn = Self.sample(1).encoded
        let tornStart = bytes.count
        bytes += torn.prefix(torn.count / 2)
        let afterStart = bytes.count
        Self.sample(2).encode(into: &bytes)
        let items = TraceReader.items(of: bytes)
        #expect(Self.records(items) == [Self.sample(0), Self.sample(2)])
        #expect(items.contains(.skipped(offset: tornStart, count: afterStart - tornStart)))
    }

    @Test func theHeaderIsCheckedWithAPlainReason() {
        #expect(TraceFileHeader.problem(in: TraceFileHeader.bytes) == nil)
        #expect(TraceFileHeader.bytes.count == TraceFileHeader.size)
        #expect(TraceFileHeader.problem(in: Array("hello world, not a trace".utf8)) == "not an ibterm trace (no IBTRACE header)")
        #expect(TraceFileHeader.problem(in: TraceFileHeader.bytes.prefix(5)) == "the file ends inside the trace header")
        var future = TraceFileHeader.bytes
        future[11] = 9
        #expect(TraceFileHeader.problem(in: future) == "trace format version 9; this ibterm reads version 1")
    }
}
