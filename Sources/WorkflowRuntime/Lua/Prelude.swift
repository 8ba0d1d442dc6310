/// The parts of the workflow prelude, in load order. Each is a Lua chunk
/// called with the shared table `P` (`common`, `base`, `json`, and what the
/// earlier parts added); after the last, `P.new_instance` and `P.activate`
/// are the entry points `WorkflowHost` uses.
enum WorkflowPreludeParts {
    static let all: [(name: String, source: String)] = [
        ("scheduler", SchedulerCore.source),
        ("channel", ChannelModule.source),
        ("time", TimeValues.source),
        ("activity_options", ActivityOptions.source),
        ("process", ProcessModule.source),
        ("side_effects", SideEffects.source),
        ("children", Children.source),
        ("instance", WorkflowInstance.source),
        ("activation", ActivationRunner.source),
        ("update", UpdateRunner.source),
        ("query", QueryRunner.source),
    ]
}
