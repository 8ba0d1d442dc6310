import XCTest
import Registry
import TemporalModel
import TestSupport
@testable import WorkflowRuntime

/// Channels, select, coroutine.spawn and signals inside one activation or
/// across a few, through the real Lua scheduler.
final class ConcurrencyTests: LuaWorkflowTestCase {
    func firstTask(input: [JSONValue] = []) -> [HistoryEvent] {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started(input: input.map(encode))
        h.workflowTask()
        return h.events
    }

    func result(_ src: String, _ events: [HistoryEvent]? = nil, previousStarted: Int64 = 0,
                file: StaticString = #filePath, line: UInt = #line) async -> JSONValue? {
        let cmds = commands(await run(pool(src), events ?? firstTask(), previousStarted: previousStarted), file: file, line: line)
        guard case .completeWorkflowExecution(let r)? = cmds.last else {
            XCTFail("expected completion, got \(cmds)", file: file, line: line)
            return nil
        }
        return json(r[0])
    }

    func testWorkerPoolOfThreeOverSixJobsIsDeterministic() async {
        let src = """
        return function()
          local jobs, results, done = channel.new(), channel.new(10), channel.new()
          local log = {}
          for w = 1, 3 do
            coroutine.spawn(function()
              while true do
                local j, ok = jobs:receive()
                if not ok then break end
                log[#log + 1] = "w" .. w .. ":" .. j
                results:send(j * j)
              end
              done:send(w)
            end)
          end
          for j = 1, 6 do jobs:send(j) end
          jobs:close()
          for _ = 1, 3 do done:receive() end
          local sum = 0
          for _ = 1, 6 do sum = sum + results:receive() end
          return {sum = sum, log = table.concat(log, " ")}
        end
        """
        let a = await result(src)
        let b = await result(src)
        XCTAssertEqual(a, b)
        guard case .object(let o)? = a else { return XCTFail("\(String(describing: a))") }
        XCTAssertEqual(o["sum"], .int(91))
        // Every job handled once, by more than one worker, in an order that
        // only depends on the code (first come, first served).
        guard case .string(let log)? = o["log"] else { return XCTFail("no log") }
        let entries = log.split(separator: " ")
        XCTAssertEqual(entries.map { $0.split(separator: ":")[1] }.sorted(), ["1", "2", "3", "4", "5", "6"])
        XCTAssertGreaterThan(Set(entries.map { $0.split(separator: ":")[0] }).count, 1, log)
    }

    func testSelectWithDefaultAndReadyCase() async {
        let src = """
        return function()
          local a, b = channel.new(1), channel.new(1)
          local first = channel.select{a:case_receive(), b:case_receive(), default = true}
          b:send("bee")
          local second = channel.select{a:case_receive(), b:case_receive()}
          local sent = channel.select{a:case_send("ay")}
          local third = channel.select{a:case_receive(), b:case_receive()}
          return {first_default = first.default, second = second.value, second_is_b = second.channel == b,
                  sent_ok = sent.ok, third = third.value}
        end
        """
        let r = await result(src)
        XCTAssertEqual(r, .object(["first_default": .bool(true), "second": .string("bee"), "second_is_b": .bool(true),
                                   "sent_ok": .bool(true), "third": .string("ay")]))
    }

    func testUnbufferedSendWaitsForReceiver() async {
        let src = """
        return function()
          local ch, order = channel.new(), {}
          coroutine.spawn(function()
            order[#order + 1] = "send start"
            ch:send(1)
            order[#order + 1] = "send done"
          end)
          order[#order + 1] = "receive start"
          local v = ch:receive()
          order[#order + 1] = "received " .. v
          local _, ok = (function() ch:close(); return ch:receive() end)()
          order[#order + 1] = "closed " .. tostring(ok)
          return table.concat(order, ", ")
        end
        """
        let r = await result(src)
        XCTAssertEqual(r, .string("receive start, send start, send done, received 1, closed false"))
    }

    func testSignalsBeforeListenAreKeptAndRoutedByTopic() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        h.signaled(name: "noise", input: [encode(.string("ignore me"))])
        h.signaled(name: "approve", input: [encode(.object(["by": .string("ann")]))])
        h.workflowTask()
        let src = """
        return function()
          local approval = process.listen("approve"):receive()
          local other = process.inbox():receive()
          return {by = approval.by, other = other:topic(), data = other:payload():data(), from = other:from()}
        end
        """
        // First task: blocked, no commands.
        let first = commands(await run(pool(src), Array(h.events.prefix(Int(t1)))))
        XCTAssertEqual(first, [])
        let r = await result(src, h.events, previousStarted: t1)
        XCTAssertEqual(r, .object(["by": .string("ann"), "other": .string("noise"), "data": .string("ignore me")]))
    }

    func testCounterDrivenByListenAndSelectWithTimer() async {
        var h = HistoryBuilder(workflowType: "test:wf")
        h.started()
        let t1 = h.workflowTask()
        h.workflowTaskCompleted(started: t1)
        let timer = h.timerStarted(id: "1", seconds: 30)
        h.signaled(name: "add", input: [encode(.int(2))])
        h.signaled(name: "add", input: [encode(.int(5))])
        let t2 = h.workflowTask()
        h.workflowTaskCompleted(started: t2)
        h.timerFired(id: "1", started: timer)
        h.workflowTask()
        let src = """
        local time = require("time")
        return function()
          local adds, deadline = process.listen("add"), time.after("30s")
          local total = 0
          while true do
            local r = channel.select{adds:case_receive(), deadline:case_receive()}
            if r.channel == deadline then return total end
            total = total + r.value
          end
        end
        """
        let first = commands(await run(pool(src, modules: ["time"]), Array(h.events.prefix(Int(t1)))))
        XCTAssertEqual(first, [.startTimer(timerId: "1", startToFireTimeout: .seconds(30))])
        let second = commands(await run(pool(src, modules: ["time"]), Array(h.events.prefix(Int(t2))), previousStarted: t1))
        XCTAssertEqual(second, [])
        let final = commands(await run(pool(src, modules: ["time"]), h.events, previousStarted: t2))
        XCTAssertEqual(final, [.completeWorkflowExecution(result: [encode(.int(7))])])
    }
}
