import Foundation
import XCTest

/// Request/reply between workflows (SPEC §2): the sender's pid travels in a
/// header, so the receiver answers with `process.send(msg:from(), ...)`.
final class RequestReplyTests: IntegrationTestCase {
    func testWorkflowsTalkThroughSignalsWithTheSendersPid() async throws {
        let server = try await devServer()
        let cli = TemporalCLI(server)
        let queue = unique("reqrep")
        let registry = try makeRegistry("reqrep")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: asker
                kind: workflow.lua
                source: file://asker.lua
                modules: [workflow]
                meta: {temporal: {workflow: {worker: worker, name: Asker}}}
              - name: answerer
                kind: workflow.lua
                source: file://answerer.lua
                meta: {temporal: {workflow: {worker: worker, name: Answerer}}}
            """))
        try registry.write("asker.lua", """
            local workflow = require("workflow")
            return function(question)
              local pid, err = process.spawn_monitored("it:answerer", "it:worker")
              if err then return nil, err end
              local replies = process.listen("answer", {message = true})
              local ok, send_err = process.send(pid, "question", question)
              if not ok then return nil, send_err end
              local reply = replies:receive()
              -- the default parent close policy terminates a running child:
              -- wait for its EXIT so its own result is recorded too
              local exit = process.events():receive()
              if exit.kind ~= process.event.EXIT then return nil, "unexpected event " .. tostring(exit.kind) end
              return {answer = reply:payload():data(), from = reply:from(), me = workflow.info().workflow_id}
            end
            """)
        try registry.write("answerer.lua", """
            return function()
              local msg = process.listen("question", {message = true}):receive()
              local ok, err = process.send(msg:from(), "answer", "42 is the answer to " .. msg:payload():data())
              if not ok then return nil, err end
              return "answered " .. tostring(msg:from())
            end
            """)
        let daemon = try await startDaemon(registry, label: "reqrep")
        let id = unique("asker")
        try await cli.start(type: "Asker", queue: queue, id: id, input: #""everything""#)
        let done = try await cli.waitForClose(id, timeout: .seconds(60), context: { daemon.describe() })
        XCTAssertEqual(done.closeEvent?.type, "WorkflowExecutionCompleted", done.summary)
        XCTAssertEqual(done.closeEvent?.firstResultPayload,
                       #"{"answer":"42 is the answer to everything","from":"\#(id)/1","me":"\#(id)"}"#)
        let child = try await cli.waitForClose("\(id)/1", timeout: .seconds(30))
        XCTAssertEqual(child.closeEvent?.firstResultPayload, #""answered \#(id)""#)
        try await stopCleanly(daemon)
    }
}
