import ActivityRuntime
import Logging
import Observability
import TemporalModel
import TemporalRPC

extension TaskQueueWorker {
    /// Runs one workflow task: completes its history, replays it, answers;
    /// then the next task of the same run if the server handed one back
    /// with the answer (`return_new_workflow_task`: events such as signals
    /// that arrived meanwhile, without a round trip through matching).
    func handleWorkflowTask(_ task: WorkflowTask, runner: any WorkflowTaskRunner) async {
        var next: WorkflowTask? = task
        while let current = next {
            next = await runWorkflowTask(current, runner: runner)
        }
    }

    /// One workflow task; returns the next one the answer brought back.
    private func runWorkflowTask(_ task: WorkflowTask, runner: any WorkflowTaskRunner) async -> WorkflowTask? {
        let log = TaskLog(logger: logger, fields: [
            ("workflow_id", task.workflowExecution.workflowId), ("run_id", task.workflowExecution.runId),
            ("workflow_type", task.workflowType)])
        do {
            if task.query != nil {
                var answer = await runner.query(task, events: try await history(of: task))
                if case .needsFullHistory = answer {
                    answer = await runner.query(task, events: try await history(of: task, fromStart: true))
                }
                guard case .result(let result) = answer else { return nil }
                try await service.respondQueryTaskCompleted(RespondQueryTaskCompletedRequest(
                    taskToken: task.taskToken, result: result, namespace: settings.namespace))
                return nil
            }
            let clock = ContinuousClock()
            let received = clock.now
            let events = try await history(of: task)
            if let wait = TaskTiming.workflowScheduleToStart(events: events, startedEventId: task.startedEventId) {
                metrics.workflowTaskScheduleToStart(wait, workflowType: task.workflowType)
            }
            var result = await runner.run(task, events: events)
            if case .needsFullHistory = result {
                log.debug("sticky cache miss: replaying from event 1")
                metrics.stickyCache(hit: false, workflowType: task.workflowType)
                let replayStart = clock.now
                result = await runner.run(task, events: try await history(of: task, fromStart: true))
                metrics.workflowTaskReplayed(clock.now - replayStart, workflowType: task.workflowType)
            } else if let first = events.first, first.eventId > 1 {
                metrics.stickyCache(hit: true, workflowType: task.workflowType)
            }
            let ran = clock.now
            metrics.workflowTaskExecuted(ran - received, workflowType: task.workflowType)
            switch result {
            case .completed(var commands, let queryResults, let messages):
                let eager = reserveEagerActivities(&commands)
                let sticky = stickyReleased.withLock({ $0 }) ? nil : settings.stickyQueue.map {
                    StickyExecutionAttributes(workerTaskQueue: TaskQueue(name: $0, kind: .sticky, normalName: settings.taskQueue),
                                              scheduleToStartTimeout: ProtoDuration(settings.stickyScheduleToStartTimeout))
                }
                // The next task inline only while sticky (core's rule): it
                // carries partial history for the cached instance.
                let inline = sticky != nil && !isStopped && TaskTiming.outcome(of: commands) == nil
                let response: RespondWorkflowTaskCompletedResponse
                do {
                    response = try await service.respondWorkflowTaskCompleted(RespondWorkflowTaskCompletedRequest(
                        taskToken: task.taskToken, commands: commands, identity: settings.identity,
                        namespace: settings.namespace, stickyAttributes: sticky, returnNewWorkflowTask: inline,
                        queryResults: queryResults, messages: messages, sdkName: ClientInfo.name,
                        sdkVersion: ClientInfo.version))
                    if response.resetHistoryEventId != 0 {
                        await runner.evict(runId: task.workflowExecution.runId)
                    }
                    runEager(response.activityTasks, reserved: eager)
                    if let outcome = TaskTiming.outcome(of: commands) {
                        metrics.workflowClosed(outcome, workflowType: task.workflowType)
                    }
                } catch {
                    for _ in 0..<eager { activitySlots.release() }
                    // Rejected (new events arrived, the task timed out, ...):
                    // the commands were not recorded, so the cached
                    // instance is ahead of history.
                    await runner.evict(runId: task.workflowExecution.runId)
                    throw error
                }
                log.debug("workflow task completed", metadata: [
                    "commands": "\(commands.count)", "run": "\(ran - received)", "respond": "\(clock.now - ran)"])
                if let next = response.workflowTask, !next.taskToken.isEmpty { return next }
            case .needsFullHistory:
                log.error("workflow task could not be replayed from its full history")
            case .failed(let cause, let failure):
                // Only the first attempt is reported: later attempts are
                // not written to history, and reporting them would make the
                // server retry at once in a tight loop (the Go SDK does the
                // same and lets retries time out instead).
                log.error("workflow task failed", metadata: ["attempt": "\(task.attempt)", "error": "\(failure.message)"])
                metrics.workflowTaskFailed(workflowType: task.workflowType,
                                           nonDeterminism: cause == WorkflowTaskFailedCause.nonDeterministicError)
                if task.attempt <= 1 {
                    try await service.respondWorkflowTaskFailed(RespondWorkflowTaskFailedRequest(
                        taskToken: task.taskToken, cause: cause, failure: failure, identity: settings.identity,
                        namespace: settings.namespace))
                }
            }
        } catch {
            log.warning("could not answer workflow task", metadata: ["error": "\(error)"])
        }
        return nil
    }

    /// Asks for eager execution of the activities this worker runs itself,
    /// as far as activity slots are free now (each reserved slot goes to the
    /// task the server hands back, or is released). Returns how many.
    private func reserveEagerActivities(_ commands: inout [Command]) -> Int {
        guard let activities else { return 0 }
        var reserved = 0
        for index in commands.indices {
            guard case .scheduleActivityTask(var attributes) = commands[index],
                  attributes.taskQueue == settings.taskQueue,
                  activities.handles(activityType: attributes.activityType)
                    || SystemActivities.handles(attributes.activityType),
                  activitySlots.tryAcquire() else { continue }
            attributes.requestEagerExecution = true
            commands[index] = .scheduleActivityTask(attributes)
            reserved += 1
        }
        return reserved
    }

    /// Runs the activities handed back for eager execution on the slots
    /// reserved for them, and releases the slots not used.
    private func runEager(_ tasks: [ActivityTask], reserved: Int) {
        let used = min(tasks.count, reserved)
        for _ in used..<reserved { activitySlots.release() }
        guard used > 0, let activities else { return }
        for task in tasks.prefix(used) {
            let job: @Sendable () async -> Void = { [self] in
                await self.handleActivityTask(task, runner: activities)
                self.activitySlots.release()
            }
            // Yield outside the lock: the yield may run the handler's first
            // steps inline (HandoffExecutor).
            let submitted = submitter.withLock { $0 }.map { continuation -> Bool in
                if case .enqueued = continuation.yield(job) { return true }
                return false
            } ?? false
            if !submitted { Self.handoffTask { await job() } }
        }
    }

    /// The task's events: what the poll carried plus the remaining pages
    /// (the whole history for a normal-queue task, the new events for a
    /// sticky one), or with `fromStart` the whole history fetched anew.
    private func history(of task: WorkflowTask, fromStart: Bool = false) async throws -> [HistoryEvent] {
        var events = fromStart ? [] : task.history.events
        var token = fromStart ? [] : task.nextPageToken
        if fromStart {
            let first = try await service.getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest(
                namespace: settings.namespace, execution: task.workflowExecution))
            events = first.history.events
            token = first.nextPageToken
        }
        while !token.isEmpty {
            let page = try await service.getWorkflowExecutionHistory(GetWorkflowExecutionHistoryRequest(
                namespace: settings.namespace, execution: task.workflowExecution, nextPageToken: token))
            events.append(contentsOf: page.history.events)
            token = page.nextPageToken
        }
        if let last = events.last, last.eventId > task.startedEventId, task.startedEventId > 0 {
            events.removeAll { $0.eventId > task.startedEventId }
        }
        if fromStart, task.startedEventId > 0, (events.last?.eventId ?? 0) < task.startedEventId {
            // GetWorkflowExecutionHistory leaves out a speculative task's
            // events; the poll carried them (core appends them the same way).
            let fetchedUpTo = events.last?.eventId ?? 0
            events.append(contentsOf: task.history.events.filter { $0.eventId > fetchedUpTo })
            guard events.last?.eventId == task.startedEventId,
                  zip(events, events.dropFirst()).allSatisfy({ $1.eventId == $0.eventId + 1 }) else {
                throw HistoryGap(workflowId: task.workflowExecution.workflowId, fetchedUpTo: fetchedUpTo,
                                 startedEventId: task.startedEventId)
            }
        }
        return events
    }

    /// Runs one activity task and reports its outcome.
    func handleActivityTask(_ task: ActivityTask, runner: any ActivityTaskRunner) async {
        inFlightActivities.withLock { $0[task.taskToken] = task }
        defer { inFlightActivities.withLock { _ = $0.removeValue(forKey: task.taskToken) } }
        let log = TaskLog(logger: logger, fields: [
            ("workflow_id", task.workflowExecution.workflowId), ("activity_type", task.activityType),
            ("activity_id", task.activityId)])
        if let wait = TaskTiming.activityScheduleToStart(task) {
            metrics.activityScheduleToStart(wait, activityType: task.activityType)
        }
        let clock = ContinuousClock()
        let started = clock.now
        let result: ActivityTaskAnswer
        if SystemActivities.handles(task.activityType) {
            result = await SystemActivities.run(task, service: service, namespace: settings.namespace,
                                                identity: settings.identity)
        } else if runner.handles(activityType: task.activityType) {
            result = await runner.run(task)
        } else {
            result = .failed(Failure(
                message: "activity type \(task.activityType) is not registered on task queue \(settings.taskQueue) by this Moonflow daemon",
                source: "Moonflow", info: .application(type: "NOT_FOUND", nonRetryable: true, details: [])))
        }
        recordActivity(task, result, ran: clock.now - started)
        do {
            switch result {
            case .completed(let payloads):
                try await service.respondActivityTaskCompleted(RespondActivityTaskCompletedRequest(
                    taskToken: task.taskToken, result: payloads, identity: settings.identity,
                    namespace: settings.namespace))
            case .failed(let failure):
                log.info("activity failed", metadata: ["error": "\(failure.message)", "attempt": "\(task.attempt)"])
                try await service.respondActivityTaskFailed(RespondActivityTaskFailedRequest(
                    taskToken: task.taskToken, failure: failure, identity: settings.identity,
                    namespace: settings.namespace))
            case .failedAfterHeartbeat(let failure, let details):
                log.info("activity failed", metadata: ["error": "\(failure.message)", "attempt": "\(task.attempt)"])
                try await service.respondActivityTaskFailed(RespondActivityTaskFailedRequest(
                    taskToken: task.taskToken, failure: failure, identity: settings.identity,
                    namespace: settings.namespace, lastHeartbeatDetails: details))
            case .canceled(let details):
                try await service.respondActivityTaskCanceled(RespondActivityTaskCanceledRequest(
                    taskToken: task.taskToken, details: details, identity: settings.identity,
                    namespace: settings.namespace))
            }
        } catch {
            log.warning("could not report activity result", metadata: ["error": "\(error)"])
        }
    }
}

extension TaskQueueWorker {
    /// An activity attempt's latency and outcome metrics.
    private func recordActivity(_ task: ActivityTask, _ result: ActivityTaskAnswer, ran: Duration) {
        guard metrics.isEnabled else { return }
        switch result {
        case .completed:
            metrics.activityExecuted(ran, activityType: task.activityType, outcome: .completed,
                                     endToEnd: TaskTiming.activitySinceScheduled(task))
        case .failed, .failedAfterHeartbeat:
            metrics.activityExecuted(ran, activityType: task.activityType, outcome: .failed)
        case .canceled:
            metrics.activityExecuted(ran, activityType: task.activityType, outcome: .canceled)
        }
    }
}

/// The history fetched for a task stops before the task's own started event.
struct HistoryGap: Error, CustomStringConvertible {
    let workflowId: String
    let fetchedUpTo: Int64
    let startedEventId: Int64
    var description: String {
        "history of workflow \(workflowId) ends at event \(fetchedUpTo), before the task's WorkflowTaskStarted \(startedEventId)"
    }
}
