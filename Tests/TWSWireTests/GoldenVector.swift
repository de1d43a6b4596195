import Foundation

/// One golden vector file from `Vectors/` (copied from ../shared/tws/vectors).
struct GoldenVector: Decodable, CustomStringConvertible {
    var file: String = ""
    var group: String = ""
    let direction: String?
    let serverVersion: Int?
    let hex: String
    let fields: [String]?
    let suspect: String?
    let name: String?

    enum CodingKeys: String, CodingKey {
        case direction, hex, fields, suspect, name
        case serverVersion = "server_version"
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return out
    }

    /// The payload after the 4-byte length prefix.
    var payload: [UInt8] { Array(bytes.dropFirst(4)) }

    var isHandshake: Bool { file.contains("handshake") }
    var isClientToServer: Bool { direction == "client_to_server" }
    var description: String { "\(group)/\(file)" }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Vectors")

    /// Every vector, in file order.
    static let all: [GoldenVector] = {
        var vectors: [GoldenVector] = []
        for group in ["ibapi-9.81", "server", "recorded"] {
            let folder = directory.appendingPathComponent(group)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files.sorted() where file.hasSuffix(".json") {
                let data = try! Data(contentsOf: folder.appendingPathComponent(file))
                var vector = try! JSONDecoder().decode(GoldenVector.self, from: data)
                vector.file = file
                vector.group = group
                vectors.append(vector)
            }
        }
        return vectors
    }()
}
