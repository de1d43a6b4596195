import Foundation
import Testing

/// Decodes a fixture's JSON text.
func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(text.utf8))
}

/// Encodes a value and decodes it again.
func roundTrip<T: Codable>(_ value: T) throws -> T {
    try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
}

/// A value's JSON as a dictionary, to check the keys written.
func jsonObject<T: Encodable>(_ value: T) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
    return try #require(object as? [String: Any])
}

/// Every key of a fixture's (first) JSON object, to compare with what a model writes.
func fixtureKeys(_ text: String) throws -> Set<String> {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    if let array = object as? [[String: Any]] { return Set(try #require(array.first).keys) }
    return Set(try #require(object as? [String: Any]).keys)
}

/// The keys of the object under `key` in a fixture's JSON object.
func fixtureKeys(_ text: String, under key: String) throws -> Set<String> {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    return Set(try #require(object[key] as? [String: Any]).keys)
}
