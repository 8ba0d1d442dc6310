/// Converts `JSONValue`s to and from Temporal `Payload`s, the way every
/// Temporal SDK's default data converter does (SPEC §4):
///
/// | value                  | `encoding`     | `data`                 |
/// |------------------------|----------------|------------------------|
/// | `.null`                | `binary/null`  | empty                  |
/// | top-level `.bytes`     | `binary/plain` | the bytes              |
/// | anything else          | `json/plain`   | compact sorted JSON    |
///
/// `encoding` is the only metadata key written. Decoding also accepts
/// `json/protobuf` (proto3 JSON is JSON). `binary/plain` decodes to `.bytes`
/// even when the bytes happen to be valid UTF-8: the Lua side turns both
/// `.bytes` and `.string` into Lua strings, so nothing is lost, and the
/// round trip stays exact.
public enum PayloadCodec {
    /// `binary/null`: no value.
    public static let binaryNull = "binary/null"
    /// `binary/plain`: raw bytes.
    public static let binaryPlain = "binary/plain"
    /// `json/plain`: UTF-8 JSON text.
    public static let jsonPlain = "json/plain"
    /// `json/protobuf`: a protobuf message as proto3 JSON (decoded as JSON).
    public static let jsonProtobuf = "json/protobuf"

    /// Encodes one value as one payload.
    /// - Throws: `PayloadError` when the value is not representable, e.g.
    ///   `.bytes` nested in a container or a non-finite double.
    public static func encode(_ value: JSONValue) throws(PayloadError) -> Payload {
        switch value {
        case .null:
            return Payload(metadata: ["encoding": Array(binaryNull.utf8)], data: [])
        case .bytes(let bytes):
            return Payload(metadata: ["encoding": Array(binaryPlain.utf8)], data: bytes)
        default:
            do throws(JSONError) {
                return Payload(metadata: ["encoding": Array(jsonPlain.utf8)], data: try value.encode())
            } catch {
                throw PayloadError(encoding: jsonPlain, message: "cannot encode value as JSON", json: error)
            }
        }
    }

    /// Decodes one payload to a value.
    /// - Throws: `PayloadError` naming the encoding when the `encoding`
    ///   metadata is missing or unknown, or the data is not valid for it.
    public static func decode(_ payload: Payload) throws(PayloadError) -> JSONValue {
        guard let raw = payload.metadata["encoding"] else {
            throw PayloadError(encoding: nil, message: "missing 'encoding' metadata")
        }
        let encoding = String(decoding: raw, as: UTF8.self)
        switch encoding {
        case binaryNull:
            return .null
        case binaryPlain:
            return .bytes(payload.data)
        case jsonPlain, jsonProtobuf:
            do throws(JSONError) {
                return try JSONValue.decode(payload.data)
            } catch {
                throw PayloadError(encoding: encoding, message: "invalid JSON", json: error)
            }
        default:
            throw PayloadError(encoding: encoding, message: "unknown encoding '\(encoding)'")
        }
    }

    /// Encodes arguments, one payload per value (an empty list for none).
    public static func encode(_ values: [JSONValue]) throws(PayloadError) -> [Payload] {
        var payloads: [Payload] = []
        payloads.reserveCapacity(values.count)
        for (i, value) in values.enumerated() {
            do throws(PayloadError) {
                payloads.append(try encode(value))
            } catch {
                var e = error
                e.index = i
                throw e
            }
        }
        return payloads
    }

    /// Decodes a list of payloads, one value per payload. Errors carry the
    /// payload's position in `index`.
    public static func decode(_ payloads: [Payload]) throws(PayloadError) -> [JSONValue] {
        var values: [JSONValue] = []
        values.reserveCapacity(payloads.count)
        for (i, payload) in payloads.enumerated() {
            do throws(PayloadError) {
                values.append(try decode(payload))
            } catch {
                var e = error
                e.index = i
                throw e
            }
        }
        return values
    }
}
