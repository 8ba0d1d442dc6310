/// Readers for the `temporal.api.common.v1` and `taskqueue.v1` messages
/// that history events embed.
extension ProtoJSONObject {
    /// `Payload`: `{"metadata": {k: base64}, "data": base64}`. Also takes
    /// the "shorthand" some Temporal tools print, where a JSON payload is
    /// shown as its plain JSON value: `null` becomes `binary/null`, any
    /// other value `json/plain` re-encoded compactly with sorted keys.
    static func payload(_ value: JSONValue, path: String) throws(ProtoJSONFieldError) -> Payload {
        guard isFullPayload(value), case .object(let members) = value else {
            return try shorthandPayload(value, path: path)
        }
        let message = ProtoJSONObject(members, path: path, snake: false)  // "metadata", "data": one word
        var metadata: [String: [UInt8]] = [:]
        for (key, raw) in try message.map("metadata") {
            guard case .string(let s) = raw, let bytes = Base64.decode(s) else {
                throw ProtoJSONFieldError(path: message.fieldPath("metadata") + "." + key,
                                          message: "expected a base64 string, found \(raw.kindName)")
            }
            metadata[key] = bytes
        }
        return Payload(metadata: metadata, data: try message.bytes("data"))
    }

    /// The full form has only `metadata`, `data` and `externalPayloads`
    /// keys, with `metadata` an object. `{}` is an empty full payload.
    private static func isFullPayload(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value else { return false }
        let known: Set<String> = ["metadata", "data", "externalPayloads", "external_payloads"]
        guard members.keys.allSatisfy(known.contains) else { return false }
        if let m = members["metadata"], case .object = m { return true }
        return members["metadata"] == nil
    }

    private static func shorthandPayload(_ value: JSONValue, path: String) throws(ProtoJSONFieldError) -> Payload {
        do throws(PayloadError) {
            return try PayloadCodec.encode(value)
        } catch {
            throw ProtoJSONFieldError(path: path, message: "cannot re-encode shorthand payload: \(error)")
        }
    }

    /// `Payloads` (`{"payloads": [...]}`, or a bare array); empty when absent.
    func payloads(_ name: String) throws(ProtoJSONFieldError) -> [Payload] {
        guard let v = raw(name) else { return [] }
        let items: [JSONValue]
        let itemsPath: String
        if case .array(let a) = v {
            items = a
            itemsPath = fieldPath(name)
        } else {
            let message = try ProtoJSONObject(v, path: fieldPath(name), snake: snake)
            items = try message.array("payloads")
            itemsPath = message.fieldPath("payloads")
        }
        var out: [Payload] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            out.append(try Self.payload(item, path: "\(itemsPath)[\(i)]"))
        }
        return out
    }

    /// A message wrapping `map<string, Payload>` under `mapKey`: `Header`
    /// and `Memo` use `fields`, `SearchAttributes` uses `indexedFields`.
    func payloadMap(_ name: String, mapKey: String = "fields") throws(ProtoJSONFieldError) -> PayloadMap {
        guard let message = try object(name) else { return [:] }
        var out: PayloadMap = [:]
        for (key, value) in try message.map(mapKey) {
            out[key] = try Self.payload(value, path: message.fieldPath(mapKey) + "." + key)
        }
        return out
    }

    /// `map<string, Payloads>` (marker details).
    func payloadsMap(_ name: String) throws(ProtoJSONFieldError) -> [String: [Payload]] {
        var out: [String: [Payload]] = [:]
        let members = try map(name)
        let holder = ProtoJSONObject(members, path: fieldPath(name), snake: false)  // keys are the map's own
        for key in members.keys {
            out[key] = try holder.payloads(key)
        }
        return out
    }

    /// The `name` of a `WorkflowType` or `ActivityType`; "" when absent.
    func typeName(_ name: String) throws(ProtoJSONFieldError) -> String {
        try object(name)?.string("name") ?? ""
    }

    /// Name of a `TaskQueue`; "" when absent.
    func taskQueueName(_ name: String) throws(ProtoJSONFieldError) -> String {
        try object(name)?.string("name") ?? ""
    }

    func taskQueue(_ name: String) throws(ProtoJSONFieldError) -> TaskQueue {
        guard let q = try object(name) else { return TaskQueue(name: "", kind: .unspecified) }
        let kind = TaskQueue.Kind(rawValue: try q.enumValue("kind", .taskQueueKind)) ?? .unspecified
        return TaskQueue(name: try q.string("name"), kind: kind, normalName: try q.string("normalName"))
    }

    func workflowExecution(_ name: String) throws(ProtoJSONFieldError) -> WorkflowExecution? {
        guard let e = try object(name) else { return nil }
        return WorkflowExecution(workflowId: try e.string("workflowId"), runId: try e.string("runId"))
    }

    /// A `WorkflowExecution` that reads as empty ids when absent.
    func requiredExecution(_ name: String) throws(ProtoJSONFieldError) -> WorkflowExecution {
        try workflowExecution(name) ?? WorkflowExecution(workflowId: "")
    }

    func retryPolicy(_ name: String) throws(ProtoJSONFieldError) -> RetryPolicy? {
        guard let p = try object(name) else { return nil }
        var types: [String] = []
        for (i, item) in try p.array("nonRetryableErrorTypes").enumerated() {
            guard case .string(let s) = item else {
                throw ProtoJSONFieldError(path: p.fieldPath("nonRetryableErrorTypes") + "[\(i)]",
                                          message: "expected a string, found \(item.kindName)")
            }
            types.append(s)
        }
        return RetryPolicy(initialInterval: try p.duration("initialInterval"),
                           backoffCoefficient: try p.double("backoffCoefficient"),
                           maximumInterval: try p.duration("maximumInterval"),
                           maximumAttempts: try p.int32("maximumAttempts"),
                           nonRetryableErrorTypes: types)
    }

    func timeoutType(_ name: String) throws(ProtoJSONFieldError) -> TimeoutType {
        TimeoutType(rawValue: try enumValue(name, .timeoutType)) ?? .unspecified
    }
}
