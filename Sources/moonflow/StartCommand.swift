import ArgumentParser
import Client
import TemporalModel

/// `moonflow start ENTRY_ID --registry DIR --input JSON [--id ID]
/// [--option key=value]... [--wait]`: starts a workflow entry of the
/// registry with the same client code activities use.
struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start a workflow entry of the registry; print its workflow id (or, with --wait, its result).")

    @Argument(help: "The workflow.lua entry id, e.g. shop:order_workflow.")
    var entry: String

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .long, help: "A temporal.worker id or a task queue (default: the entry's worker).")
    var worker: String?

    @Option(name: .long, help: "The input as JSON; repeat for several arguments.")
    var input: [String] = []

    @Option(name: .long, help: "The workflow id (default: a generated UUID).")
    var id: String?

    @Option(name: .long, parsing: .singleValue,
            help: "A starting option key=value (temporal.workflow.KEY or KEY; the value is JSON or a plain string); repeatable.")
    var option: [String] = []

    @Option(name: .long, parsing: .singleValue, help: "A context value key=JSON readable with ctx.get; repeatable.")
    var context: [String] = []

    @Option(name: .long, parsing: .singleValue,
            help: "A start message topic=JSON, delivered before any other signal; repeatable, in order.")
    var message: [String] = []

    @Flag(name: .long, help: "Wait for the result, follow retries, cron runs and continue-as-new, and print it.")
    var wait = false

    func run() async throws {
        try await runClientCommand("start") {
            guard connection.registry != nil else { throw CLIFailure("start needs --registry DIR to resolve \(entry)") }
            let registry = try connection.loadedRegistry()
            let targets = WorkflowTargets(registry: registry!)
            let target = try targets.resolve(entry: entry, worker: worker, defaultNamespace: nil)
            var options = try StartOptions.parse(keyValues: option)
            if let id { options.id = id }
            let request = StartRequest(
                workflowType: target.workflowType, taskQueue: target.taskQueue,
                input: try input.map { text throws(CLIFailure) in try parseJSON(text, option: "--input") },
                options: options, context: try pairs(context, option: "--context"),
                messages: try pairs(message, option: "--message", keepOrder: true).map { StartMessage(topic: $0.0, data: $0.1) })
            let client = try connection.makeClient(registry)
            let started = try await client.start(request)
            guard wait else {
                print(started.workflowId)
                return
            }
            switch try await client.result(workflowId: started.workflowId, runId: started.runId,
                                           namespace: started.namespace) {
            case .completed(let value): printJSON(value)
            case .failed(let error): throw ClientError(kind: error.kind, message: error.message)
            }
        }
    }

    private func pairs(_ items: [String], option: String) throws(CLIFailure) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (k, v) in try pairs(items, option: option, keepOrder: true) { out[k] = v }
        return out
    }

    private func pairs(_ items: [String], option: String, keepOrder: Bool) throws(CLIFailure) -> [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        for item in items {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else {
                throw CLIFailure("\(option) '\(item)' must look like name=JSON")
            }
            out.append((String(item[..<eq]), try parseJSON(String(item[item.index(after: eq)...]), option: option)))
        }
        return out
    }
}
