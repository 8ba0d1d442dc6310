import ArgumentParser
import Client
import Registry
import TemporalModel

/// `moonflow signal WORKFLOW_ID TOPIC [--input JSON]...`.
struct SignalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "signal", abstract: "Signal a workflow.")

    @Argument(help: "The workflow id.") var workflowId: String
    @Argument(help: "The signal name (the topic process.listen receives).") var topic: String
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "The signal data as JSON; repeat for several values.") var input: [String] = []
    @Option(name: .long, help: "A specific run (default: the current run).") var runId: String = ""

    func run() async throws {
        try await runClientCommand("signal") {
            let args = try input.map { text throws(CLIFailure) in try parseJSON(text, option: "--input") }
            let client = try connection.makeClient(try connection.loadedRegistry())
            try await client.signal(workflowId: workflowId, runId: runId, topic: topic, args: args)
        }
    }
}

/// `moonflow cancel WORKFLOW_ID [--deadline 30s] [--reason TEXT]`.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Request cancellation; with --deadline, terminate the workflow if it has not closed by then.")

    @Argument(help: "The workflow id.") var workflowId: String
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "Wait this long (e.g. 30s) for the workflow to close, then terminate it.")
    var deadline: String?
    @Option(name: .long, help: "The reason recorded in history.") var reason: String = "cancelled with moonflow cancel"
    @Option(name: .long, help: "A specific run (default: the current run).") var runId: String = ""

    func run() async throws {
        try await runClientCommand("cancel") {
            var limit: Duration?
            if let deadline {
                do throws(DurationParseError) {
                    limit = try DurationParser.parse(deadline)
                } catch {
                    throw CLIFailure("--deadline: \(error.message)")
                }
            }
            let client = try connection.makeClient(try connection.loadedRegistry())
            try await client.cancel(workflowId: workflowId, runId: runId, reason: reason, deadline: limit)
        }
    }
}

/// `moonflow terminate WORKFLOW_ID [--reason TEXT]`.
struct TerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terminate", abstract: "Terminate a workflow.")

    @Argument(help: "The workflow id.") var workflowId: String
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "The reason recorded in history.") var reason: String = "terminated with moonflow terminate"
    @Option(name: .long, help: "A specific run (default: the current run).") var runId: String = ""

    func run() async throws {
        try await runClientCommand("terminate") {
            let client = try connection.makeClient(try connection.loadedRegistry())
            try await client.terminate(workflowId: workflowId, runId: runId, reason: reason)
        }
    }
}

/// `moonflow result WORKFLOW_ID`: waits for the workflow to close and
/// prints its result as JSON; a failed workflow is one line on stderr
/// (`KIND: message`) and exit 1.
struct ResultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "result",
        abstract: "Wait for a workflow's result (following retries, cron runs and continue-as-new) and print it as JSON.")

    @Argument(help: "The workflow id.") var workflowId: String
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "Start from this run (default: the current run).") var runId: String = ""

    func run() async throws {
        try await runClientCommand("result") {
            let client = try connection.makeClient(try connection.loadedRegistry())
            switch try await client.result(workflowId: workflowId, runId: runId) {
            case .completed(let value): printJSON(value)
            case .failed(let error): throw ClientError(kind: error.kind, message: error.message)
            }
        }
    }
}
