import ArgumentParser
import Client
import Registry
import Replay
import TemporalModel
import TemporalWire
import WorkflowRuntime

/// `moonflow replay --registry DIR HISTORY.json...`: replays exported
/// histories (`temporal workflow show --output json`) against the current
/// code and reports per file OK or the first non-determinism. With
/// `--workflow-id ID` it fetches a live workflow's history from the cluster
/// (the registry's client, or `--address`) and replays that.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay exported histories (or live workflows) against the registry's code; exit 1 on any non-determinism.")

    @OptionGroup var connection: ConnectionOptions

    @Option(name: .customLong("workflow-id"), help: "Replay this workflow's history, fetched from the cluster (repeatable).")
    var workflowIds: [String] = []

    @Option(name: .long, help: "The run to replay with a single --workflow-id (default: the latest).")
    var runId: String?

    @Flag(name: .long, help: "Print a digest of the commands each workflow task issued.")
    var printCommands = false

    @Argument(help: "History files (JSON), or directories of them.")
    var histories: [String] = []

    func run() async throws {
        guard let registry = connection.registry else {
            throw ValidationError("--registry DIR is required (the code to replay against)")
        }
        if histories.isEmpty && workflowIds.isEmpty {
            throw ValidationError("give history files or --workflow-id")
        }
        let loaded: Registry
        switch loadRegistry(registry) {
        case .failure(let problems):
            printProblems(problems)
            throw ExitCode(1)
        case .success(let r):
            loaded = r
        }
        let replayer = HistoryReplayer(registry: loaded)
        var failures = 0
        if !workflowIds.isEmpty {
            let client: WorkflowClient
            do {
                client = try connection.makeClient(loaded)
            } catch {
                FileHandleWriter.write("moonflow replay: \(error)\n")
                throw ExitCode(1)
            }
            for id in workflowIds {
                let name = "workflow \(id)"
                do {
                    let history = try await Self.fetch(id, runId: workflowIds.count == 1 ? runId : nil, client: client)
                    failures += report(replayer.replay(history, workflowId: id, recordCommands: printCommands), name: name)
                } catch {
                    print("FAIL \(name): cannot fetch its history: \(error)")
                    failures += 1
                }
            }
        }
        for file in Self.files(histories) {
            guard let data = FileSystem.read(file) else {
                print("FAIL \(file): cannot read the file")
                failures += 1
                continue
            }
            let history: History
            do {
                history = try HistoryJSON.decode(data)
            } catch {
                print("FAIL \(file): not a history: \(error)")
                failures += 1
                continue
            }
            failures += report(replayer.replay(history, recordCommands: printCommands), name: file)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Prints one replay's outcome; returns 1 on failure, else 0.
    private func report(_ report: HistoryReplayer.Report, name: String) -> Int {
        if let failure = report.failure {
            print("FAIL \(name) (\(report.workflowType), \(report.events) events): \(failure)")
        } else {
            print("OK   \(name) (\(report.workflowType), \(report.events) events, \(report.workflowTasks) workflow tasks)")
        }
        if printCommands {
            for (index, commands) in report.commands.enumerated() {
                print("  activation \(index + 1): \(Self.digest(commands))")
            }
        }
        return report.failure == nil ? 0 : 1
    }

    /// The whole history of a workflow run, all pages.
    static func fetch(_ workflowId: String, runId: String?, client: WorkflowClient) async throws -> History {
        var events: [HistoryEvent] = []
        var token: [UInt8] = []
        repeat {
            let page = try await client.service.getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest(
                namespace: client.namespace, execution: WorkflowExecution(workflowId: workflowId, runId: runId ?? ""),
                nextPageToken: token))
            events += page.history.events
            token = page.nextPageToken
        } while !token.isEmpty
        return History(events: events)
    }

    /// Files given, and `*.json` files inside directories given.
    static func files(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            if FileSystem.kind(atPath: path) == .directory {
                let names = FileSystem.entries(ofDirectory: path) ?? []
                out += names.filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// Command kinds plus an FNV-1a digest of the commands' wire bytes
    /// (protobuf, map keys sorted: the same in every process).
    static func digest(_ commands: [Command]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var kinds: [String] = []
        for command in commands {
            kinds.append(String(describing: command).prefix { $0 != "(" }.description)
            for byte in (try? command.wireBytes()) ?? [] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        return "[\(kinds.joined(separator: ","))] #\(String(hash, radix: 16))"
    }
}
