import ArgumentParser

@main
struct Moonflow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moonflow",
        abstract: "Runs durable Lua workflows and activities on Temporal.",
        subcommands: [RunCommand.self, CheckCommand.self, ReplayCommand.self, StartCommand.self, SignalCommand.self,
                      CancelCommand.self, TerminateCommand.self, ResultCommand.self])
}
