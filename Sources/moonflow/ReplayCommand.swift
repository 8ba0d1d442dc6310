import ArgumentParser
import Foundation
import Registry
import Replay
import TemporalModel
import TemporalWire
import WorkflowRuntime

/// `moonflow replay --registry DIR HISTORY.json...`: replays exported
/// histories (`temporal workflow show --output json`) against the current
/// code and reports per file OK or the first non-determinism.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay exported histories against the registry's code; exit 1 on any non-determinism.")

    @Option(name: .long, help: "The registry directory.")
    var registry: String

    @Flag(name: .long, help: "Print a digest of the commands each workflow task issued.")
    var printCommands = false

    @Argument(help: "History files (JSON), or directories of them.")
    var histories: [String]

    func run() throws {
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
        for file in Self.files(histories) {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("FAIL \(file): cannot read the file")
                failures += 1
                continue
            }
            let history: History
            do {
                history = try HistoryJSON.decode([UInt8](data))
            } catch {
                print("FAIL \(file): not a history: \(error)")
                failures += 1
                continue
            }
            let report = replayer.replay(history, recordCommands: printCommands)
            if let failure = report.failure {
                print("FAIL \(file) (\(report.workflowType), \(report.events) events): \(failure)")
                failures += 1
            } else {
                print("OK   \(file) (\(report.workflowType), \(report.events) events, \(report.workflowTasks) workflow tasks)")
            }
            if printCommands {
                for (index, commands) in report.commands.enumerated() {
                    print("  activation \(index + 1): \(Self.digest(commands))")
                }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Files given, and `*.json` files inside directories given.
    static func files(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
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
