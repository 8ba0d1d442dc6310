import ArgumentParser
import Logging
import Registry
import Worker

/// `moonflow check --registry DIR`: validates without connecting anywhere.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a registry (YAML and Lua syntax) and list every problem.")

    @Option(name: .long, help: "The registry directory.")
    var registry: String

    func run() throws {
        switch loadRegistry(registry) {
        case .failure(let problems):
            printProblems(problems)
            throw ExitCode(1)
        case .success(let loaded):
            let r = loaded
            print("registry OK: \(r.clients.count) clients, \(r.workers.count) workers, \(r.workflows.count) workflows, \(r.functions.count) functions, \(r.libraries.count) libraries")
        }
    }
}

/// Loads the registry and checks its Lua sources; every problem at once
/// (YAML problems and Lua syntax errors together).
func loadRegistry(_ directory: String) -> Result<Registry, RegistryErrors> {
    let luaFiles = LuaSyntaxCheck.problems(inDirectory: directory)
    do {
        let registry = try RegistryLoader.load(directory: directory)
        let problems = luaFiles + LuaSyntaxCheck.problems(inInlineSourcesOf: registry)
        if !problems.isEmpty { return .failure(RegistryErrors(problems)) }
        return .success(registry)
    } catch {
        return .failure(RegistryErrors(error.errors + luaFiles))
    }
}

/// For `run`: YAML problems stop the daemon (loading is all-or-nothing),
/// but an entry whose Lua does not compile is only disabled, with an error
/// in the log, and the rest of the registry serves.
func loadRegistryForRun(_ directory: String, logger: Logger) -> Result<Registry, RegistryErrors> {
    do {
        var registry = try RegistryLoader.load(directory: directory)
        for problem in LuaSyntaxCheck.disableBroken(in: &registry) {
            logger.error("entry disabled: its Lua does not compile", metadata: [
                "entry": "\(problem.entryId ?? "?")", "problem": "\(problem)"])
        }
        return .success(registry)
    } catch {
        return .failure(error)
    }
}

func printProblems(_ problems: RegistryErrors) {
    var stderr = StandardError()
    print("registry has \(problems.errors.count) problem(s):", to: &stderr)
    print(problems.description, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleWriter.write(string)
    }
}
