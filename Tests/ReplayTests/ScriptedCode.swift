import Replay
import TestSupport
import TemporalModel

/// A fake workflow for replay tests: charge (activity), sleep 60 s (timer),
/// ship (activity), then complete with ship's result. `secondActivity`
/// lets a test change the code to make it non-deterministic.
final class OrderScript: WorkflowCode {
    var secondActivity = "shop:ship"
    var failOnStart = false
    private(set) var activations: [Activation] = []
    private var step = 0

    func activate(_ activation: Activation) -> ActivationOutcome {
        activations.append(activation)
        var out: [WorkflowCommand] = []
        for job in activation.jobs {
            switch job {
            case .start:
                if failOnStart { return .taskFailure(message: "order.lua:3: boom", stackTrace: "stack") }
                out.append(activity(seq: 1, type: "shop:charge"))
            case .resolveActivity(let seq, let resolution):
                if seq == 1 {
                    if case .failed(let failure) = resolution {
                        out.append(.failWorkflow(failure))
                    } else {
                        out.append(.startTimer(seq: 1, duration: .seconds(60)))
                    }
                } else if case .completed(let result) = resolution {
                    out.append(.completeWorkflow(result: result))
                }
            case .fireTimer:
                out.append(activity(seq: 2, type: secondActivity))
            default:
                break
            }
        }
        step += 1
        return .commands(out)
    }

    private func activity(seq: Int, type: String) -> WorkflowCommand {
        .scheduleActivity(seq: seq, ScheduleActivityTask(activityId: String(seq), activityType: type, taskQueue: "tq"))
    }
}
