
/// Decodes `temporal.client` entries.
struct ClientDecoder {
    static let keys: Set<String> = [
        "address", "namespace", "tls", "auth", "connection_timeout", "keep_alive_time",
        "keep_alive_timeout", "tq_prefix", "lifecycle",
    ]
    static let ignoredKeys = ["health_check": "Moonflow does not run periodic health checks"]
    static let tlsKeys: Set<String> = ["enabled", "ca_file", "server_name", "insecure_skip_verify"]
    static let authKeys: Set<String> = [
        "type", "api_key", "api_key_file", "api_key_env", "cert_file", "cert_pem", "key_file", "key_pem",
    ]

    func decode(_ raw: RawEntry) -> ClientEntry? {
        let reader = raw.reader
        guard let fields = reader.mapping(raw.node, path: "", known: Self.keys.union(["name", "kind", "meta"]),
                                          ignored: Self.ignoredKeys) else { return nil }
        var ok = true
        var entry = ClientEntry(id: raw.id, address: "", meta: raw.meta)

        if let node = fields["address"] {
            if let address = reader.nonEmptyString(node, path: "address") {
                if Self.isHostPort(address) { entry.address = address } else {
                    reader.error("address \"\(address)\" must be host:port (e.g. localhost:7233)", at: node)
                    ok = false
                }
            } else { ok = false }
        } else {
            reader.error("address is required (host:port of the Temporal frontend, e.g. localhost:7233)",
                         at: raw.node)
            ok = false
        }
        if let node = fields["namespace"] {
            if let value = reader.nonEmptyString(node, path: "namespace") { entry.namespace = value } else { ok = false }
        }
        if let node = fields["tq_prefix"] {
            if let value = reader.string(node, path: "tq_prefix") { entry.tqPrefix = value } else { ok = false }
        }
        for (key, keyPath) in [("connection_timeout", \ClientEntry.connectionTimeout),
                               ("keep_alive_time", \ClientEntry.keepAliveTime),
                               ("keep_alive_timeout", \ClientEntry.keepAliveTimeout)] {
            guard let node = fields[key] else { continue }
            if let value = reader.duration(node, path: key) { entry[keyPath: keyPath] = value } else { ok = false }
        }
        if let node = fields["tls"], node.tagName != .null {
            if let tls = decodeTLS(node, raw: raw) { entry.tls = tls } else { ok = false }
        }
        if let node = fields["auth"], node.tagName != .null {
            if let auth = decodeAuth(node, raw: raw) { entry.auth = auth } else { ok = false }
        }
        if case .mtls = entry.auth, entry.tls.enabled == false, let node = fields["tls"] {
            reader.error("tls.enabled is false but auth type mtls needs TLS (a client certificate is sent"
                         + " in the TLS handshake)", at: node)
            ok = false
        }
        if let node = fields["lifecycle"], node.tagName != .null {
            if let lifecycle = reader.mapping(node, path: "lifecycle", known: ["auto_start"],
                                              ignored: WorkerDecoder.ignoredLifecycleKeys),
               let autoStart = lifecycle["auto_start"] {
                // Clients connect when a started worker needs them; the flag is only type-checked.
                _ = reader.bool(autoStart, path: "lifecycle.auto_start")
            }
        }
        return ok ? entry : nil
    }

    private func decodeTLS(_ node: Node, raw: RawEntry) -> TLSSettings? {
        let reader = raw.reader
        guard let fields = reader.mapping(node, path: "tls", known: Self.tlsKeys) else { return nil }
        var ok = true
        var tls = TLSSettings(enabled: true)
        if let value = fields["enabled"] {
            if let enabled = reader.bool(value, path: "tls.enabled") { tls.enabled = enabled } else { ok = false }
        }
        if let value = fields["insecure_skip_verify"] {
            if let flag = reader.bool(value, path: "tls.insecure_skip_verify") {
                tls.insecureSkipVerify = flag
            } else { ok = false }
        }
        if let value = fields["server_name"] {
            if let name = reader.nonEmptyString(value, path: "tls.server_name") { tls.serverName = name } else { ok = false }
        }
        if let value = fields["ca_file"] {
            if let path = reader.nonEmptyString(value, path: "tls.ca_file") {
                tls.caFile = Paths.absolute(path, base: raw.file.directory)
            } else { ok = false }
        }
        if tls.serverName != nil && tls.insecureSkipVerify {
            reader.error("tls.server_name and tls.insecure_skip_verify cannot both be set"
                         + " (a server name is only used to verify the certificate)", at: node)
            ok = false
        }
        return ok ? tls : nil
    }

    private func decodeAuth(_ node: Node, raw: RawEntry) -> ClientAuth? {
        let reader = raw.reader
        guard let fields = reader.mapping(node, path: "auth", known: Self.authKeys) else { return nil }
        var type = "none"
        if let value = fields["type"] {
            guard let text = reader.nonEmptyString(value, path: "auth.type") else { return nil }
            type = text
        }
        let apiKeyFields = ["api_key", "api_key_file", "api_key_env"]
        let mtlsFields = ["cert_file", "cert_pem", "key_file", "key_pem"]
        func rejectOthers(_ allowed: [String]) -> Bool {
            var ok = true
            for key in fields.order where key != "type" && !allowed.contains(key) {
                reader.error("auth.\(key) does not apply to auth type \(type)", at: fields.keys[key])
                ok = false
            }
            return ok
        }
        switch type {
        case "none":
            return rejectOthers([]) ? ClientAuth.none : nil
        case "api_key":
            guard rejectOthers(apiKeyFields) else { return nil }
            let given = apiKeyFields.filter { fields[$0] != nil }
            guard given.count == 1, let key = given.first, let value = fields[key] else {
                reader.error("auth type api_key needs exactly one of api_key, api_key_file, api_key_env"
                             + (given.isEmpty ? "" : " (found \(given.joined(separator: ", ")))"), at: node)
                return nil
            }
            guard let text = reader.nonEmptyString(value, path: "auth.\(key)") else { return nil }
            switch key {
            case "api_key": return .apiKey(.literal(text))
            case "api_key_file": return .apiKey(.file(Paths.absolute(text, base: raw.file.directory)))
            default: return .apiKey(.environment(text))
            }
        case "mtls":
            guard rejectOthers(mtlsFields) else { return nil }
            let certificate = pem(fields, file: "cert_file", pem: "cert_pem", what: "certificate", node: node, raw: raw)
            let key = pem(fields, file: "key_file", pem: "key_pem", what: "private key", node: node, raw: raw)
            guard let certificate, let key else { return nil }
            return .mtls(certificate: certificate, key: key)
        default:
            reader.error("auth.type \"\(type)\" is unknown (expected none, api_key or mtls)"
                         + Suggestion.didYouMean(type, in: ["none", "api_key", "mtls"]), at: fields["type"])
            return nil
        }
    }

    private func pem(_ fields: Fields, file fileKey: String, pem pemKey: String, what: String,
                     node: Node, raw: RawEntry) -> PEMSource? {
        let reader = raw.reader
        switch (fields[fileKey], fields[pemKey]) {
        case (let fileNode?, nil):
            guard let path = reader.nonEmptyString(fileNode, path: "auth.\(fileKey)") else { return nil }
            return .file(Paths.absolute(path, base: raw.file.directory))
        case (nil, let pemNode?):
            guard let text = reader.nonEmptyString(pemNode, path: "auth.\(pemKey)") else { return nil }
            return .pem(text)
        case (.some, .some):
            reader.error("auth has both \(fileKey) and \(pemKey); give one \(what)", at: node)
            return nil
        case (nil, nil):
            reader.error("auth type mtls needs the client \(what): \(fileKey) or \(pemKey)", at: node)
            return nil
        }
    }

    /// `host:port` with a numeric port (IPv6 hosts in brackets).
    static func isHostPort(_ address: String) -> Bool {
        guard let colon = address.lastIndex(of: ":") else { return false }
        let host = address[..<colon]
        let port = address[address.index(after: colon)...]
        guard !host.isEmpty, let number = Int(port), (1...65535).contains(number) else { return false }
        return !host.contains(where: \.isWhitespace)
    }
}
