import CGrpcShim

extension RPCError {
    /// The one place where C-level outcomes become `RPCError`s.
    ///
    /// - a non-zero `mfg_rc` from the shim (the call never reached grpc), or
    /// - a gRPC status delivered in an `mfg_result`.
    static func fromShim(rc: Int32, method: String) -> RPCError {
        let code: Code = rc == Int32(MFG_E_INVALID_ARGUMENT.rawValue) ? .invalidArgument : .internalError
        let text = String(cString: mfg_rc_message(rc))
        return RPCError(code: code, message: "grpc shim: \(text)", method: method)
    }

    /// A gRPC status code and its details, as delivered by the shim.
    static func fromStatus(_ status: Int32, details: String, method: String) -> RPCError {
        RPCError(code: Code(rawValue: status), message: details, method: method)
    }

    /// The short method name (`PollWorkflowTaskQueue`) of a full gRPC path.
    static func shortName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
