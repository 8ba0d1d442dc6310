import ArgumentParser
import Client
#if canImport(Glibc)
import Glibc
#endif
import Registry
import TemporalModel
import TemporalRPC
import Worker

/// Where the client commands (`start`, `signal`, `cancel`, `terminate`,
/// `result`) connect: the `temporal.client` of a registry (`--registry`,
/// `--client` when it has several), or `--address`/`--namespace`, which
/// also override the registry's.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "The registry directory (its temporal.client gives address, namespace, TLS and auth).")
    var registry: String?

    @Option(name: .long, help: "The temporal.client entry id to use when the registry has several.")
    var client: String?

    @Option(name: .long, help: "The Temporal frontend address host:port (overrides the registry's client).")
    var address: String?

    @Option(name: .long, help: "The Temporal namespace (overrides the registry's client; default: default).")
    var namespace: String?

    /// The loaded registry, if `--registry` was given.
    func loadedRegistry() throws(CLIFailure) -> Registry? {
        guard let registry else { return nil }
        switch loadRegistry(registry) {
        case .success(let r): return r
        case .failure(let problems):
            throw CLIFailure("registry \(registry) has \(problems.errors.count) problem(s); run `moonflow check --registry \(registry)`")
        }
    }

    /// A client connected as these options say.
    func makeClient(_ registry: Registry?) throws(CLIFailure) -> WorkflowClient {
        let identity = "moonflow-cli-\(HostProcess.processIdentifier)@\(HostProcess.hostName)"
        var config: ConnectionConfig
        if let registry, let entry = try pickClient(registry) {
            do {
                config = try ClientConnection.config(for: entry, identity: identity)
            } catch {
                throw CLIFailure(error.description)
            }
            if let address { config.address = address }
            if let namespace { config.namespace = namespace }
        } else {
            guard let address else {
                throw CLIFailure("no connection: give --registry DIR (with a temporal.client) or --address HOST:PORT")
            }
            config = ConnectionConfig(address: address, namespace: namespace ?? "default", identity: identity)
        }
        do {
            let service = try GRPCWorkflowService(config: config)
            if let warning = ClientConnection.verificationWarning(config) {
                var stderr = StandardError()
                print("moonflow: warning: \(warning)", to: &stderr)
            }
            return WorkflowClient(service: service, namespace: config.namespace, identity: identity)
        } catch {
            throw CLIFailure("cannot connect to \(config.address): \(error)")
        }
    }

    private func pickClient(_ registry: Registry) throws(CLIFailure) -> ClientEntry? {
        if let client {
            guard let entry = registry.client(client) else {
                throw CLIFailure("no temporal.client '\(client)' in the registry (known: "
                                 + registry.clients.keys.sorted().joined(separator: ", ") + ")")
            }
            return entry
        }
        let all = registry.clients.values.sorted { $0.id < $1.id }
        if all.count > 1 && address == nil {
            throw CLIFailure("the registry has several temporal.client entries ("
                             + all.map(\.id).joined(separator: ", ") + "); pick one with --client")
        }
        return all.first
    }
}

/// A client command's failure: printed as one line on stderr, exit 1.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a client command body: any failure is one line on stderr and exit 1.
func runClientCommand(_ name: String, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as ClientError {
        fail(name, error.description)
    } catch let error as CLIFailure {
        fail(name, error.description)
    } catch let error as ExitCode {
        throw error
    } catch {
        fail(name, "\(error)")
    }
}

private func fail(_ name: String, _ message: String) -> Never {
    var stderr = StandardError()
    print("moonflow \(name): \(String(message.map { $0 == "\n" ? " " : $0 }))", to: &stderr)
    exit(1)
}

/// Parses a JSON argument (`--input`), or fails naming the option.
func parseJSON(_ text: String, option: String) throws(CLIFailure) -> JSONValue {
    do throws(JSONError) {
        return try JSONValue.decode(text)
    } catch {
        throw CLIFailure("\(option) is not valid JSON: \(error)")
    }
}

/// Prints a value as compact JSON on stdout.
func printJSON(_ value: JSONValue) {
    print((try? value.encodedString()) ?? "null")
}
