/// Replaces `${env:NAME}` placeholders in registry strings.
enum EnvInterpolation {
    enum Problem: Equatable {
        case missing(String)
        case malformed(String)
    }

    struct Problems: Error {
        let items: [Problem]
    }

    /// Replaces every `${env:NAME}` in `text` from `environment`. Other `${...}`
    /// text is left alone. Returns the problems instead when a variable is
    /// missing or a placeholder is malformed.
    static func apply(_ text: String, environment: [String: String]) -> Result<String, Problems> {
        let marker = "${env:"
        guard text.contains(marker) else { return .success(text) }
        var output = ""
        var problems: [Problem] = []
        var rest = Substring(text)
        while let start = rest.firstRange(of: marker) {
            output += rest[..<start.lowerBound]
            let afterMarker = rest[start.upperBound...]
            guard let close = afterMarker.firstIndex(of: "}") else {
                problems.append(.malformed(String(rest[start.lowerBound...])))
                rest = ""
                break
            }
            let name = String(afterMarker[..<close])
            if !isValidName(name) {
                problems.append(.malformed("${env:\(name)}"))
            } else if let value = environment[name] {
                output += value
            } else {
                problems.append(.missing(name))
            }
            rest = afterMarker[afterMarker.index(after: close)...]
        }
        output += rest
        return problems.isEmpty ? .success(output) : .failure(Problems(items: problems))
    }

    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
