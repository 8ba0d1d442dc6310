import ArgumentParser
import Dispatch

struct Moonflow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moonflow",
        abstract: "Runs durable Lua workflows and activities on Temporal.",
        subcommands: [RunCommand.self, CheckCommand.self, ReplayCommand.self, StartCommand.self, SignalCommand.self,
                      CancelCommand.self, TerminateCommand.self, ResultCommand.self])
}

/// The entry point: runs the command on a task and parks the main thread
/// on a semaphore until it is done. (An async `@main` would hand the main
/// thread to `dispatch_main()`, which ends it with `pthread_exit`; unwinding
/// that thread searches the whole unwind table, paging about 1 MiB of
/// `.eh_frame_hdr` and `.eh_frame` into the daemon's resident memory for
/// nothing.) Nothing in Moonflow runs on the main actor.
@main
enum MoonflowMain {
    static func main() {
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            await Moonflow.main()
            done.signal()
        }
        done.wait()
    }
}
