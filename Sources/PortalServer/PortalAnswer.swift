import Foundation
import Hummingbird
import NIOCore
import PortalAPI

/// How the portal writes its answers: JSON with IB's field names, errors as
/// `{"error": …, "statusCode": …}` with a status and words a trader can act on.
enum PortalAnswer {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    /// A JSON answer.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An error answer.
    static func error(_ message: String, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        json(PortalErrorAnswer(error: message, statusCode: Int(status.code)), status: status, headers: headers)
    }

    /// A request body read as `T`; an error answer when it is not.
    static func body<T: Decodable>(_ type: T.Type, of request: Request) async -> Result<T, PortalRequestError> {
        do {
            let buffer = try await request.body.collect(upTo: 1 << 20)
            return .success(try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView)))
        } catch let error as DecodingError {
            return .failure(PortalRequestError("The body is not valid JSON for this request: \(describe(error))"))
        } catch {
            return .failure(PortalRequestError("The body could not be read: \(error)"))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): "missing \"\(key.stringValue)\""
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            (context.codingPath.map(\.stringValue).joined(separator: ".") + " " + context.debugDescription).trimmingCharacters(in: .whitespaces)
        @unknown default: "\(error)"
        }
    }
}
