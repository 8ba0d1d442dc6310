import Foundation
import TestSupport
import XCTest

/// What the Temporal Web UI (the one `temporal server start-dev` serves)
/// shows of workflows Moonflow ran, rendered by headless Chromium: Lua
/// tables as readable JSON (workflow input and result, activity input and
/// result), activity names, failures with message, kind and Lua traceback
/// (the workflow's and an activity's), and the Call Stack tab of a blocked
/// workflow (the `__stack_trace` query) with the line each coroutine waits
/// on. Screenshots of the three pages go to `.build/webui-screenshots/` (or
/// `MOONFLOW_WEBUI_SCREENSHOTS`).
final class WebUITests: IntegrationTestCase {
    static let workflowSource = """
        local funcs, time = require("funcs"), require("time")

        local function reserve(order)
          local act = funcs.new():with_options({ ["activity.retry_policy"] = { maximum_attempts = 1 } })
          local reservation, err = act:call("it:reserve", { order_id = order.order_id, sku = order.sku, qty = order.qty })
          if err then
            error(errors.new { kind = "ORDER_REJECTED", message = "order " .. order.order_id .. " rejected: " .. err:message() })
          end
          return reservation
        end

        local function main(order)
          local quote = funcs.call("it:quote", { sku = order.sku, qty = order.qty })
          if order.needs_approval then
            coroutine.spawn(function() time.sleep("1h") end)
            quote.approved_by = process.listen("approve"):receive()
          end
          local reservation = reserve(order)
          return { order_id = order.order_id, total = quote.total, reservation = reservation, status = "confirmed" }
        end

        return { main = main }
        """

    static let activitySource = """
        local STOCK = { ["star-map"] = 40, ["moon-boots"] = 3 }

        local function quote(req)
          return { sku = req.sku, qty = req.qty, unit_price = 12.5, total = req.qty * 12.5, in_stock = STOCK[req.sku] or 0 }
        end

        local function check(req)
          local left = STOCK[req.sku] or 0
          if left < req.qty then
            error(errors.new { kind = "OUT_OF_STOCK", message = "only " .. left .. " " .. req.sku .. " left, " .. req.qty .. " wanted", retryable = false })
          end
        end

        local function reserve(req)
          check(req)
          return { reservation_id = "R-" .. req.order_id, sku = req.sku, qty = req.qty }
        end

        return { quote = quote, reserve = reserve }
        """

    /// Expands the rows whose details hold the values (an activity's
    /// completed or failed row opens its whole group: scheduled with the
    /// input, completed with the result or failed with the failure; the
    /// workflow's closing row) and collapses every other one. Idempotent: it
    /// brings each row to its wanted state, however often it runs.
    static let expandRows = #"""
        (() => {
          for (const row of document.querySelectorAll('tr[data-testid="event-summary-row"]')) {
            const toggle = row.querySelector('button[aria-expanded]');
            if (!toggle) continue;
            const want = /Activity Task (Completed|Failed)|Workflow Execution (Completed|Failed)/.test(row.innerText);
            if ((toggle.getAttribute('aria-expanded') === 'true') !== want) toggle.click();
          }
          return true;
        })()
        """#

    func testWebUIShowsLuaValuesFailuresAndStackTraces() async throws {
        let clock = ContinuousClock()
        let began = clock.now
        _ = try Browser.chromium()   // no browser: fail now, before starting anything
        let server = try await DevServer.start(webUI: true)
        addTeardownBlock { server.stop() }
        let ui = try XCTUnwrap(server.uiURL, "the dev server was started with its Web UI")
        let cli = TemporalCLI(server)
        let queue = unique("webui")
        let registry = try makeRegistry("webui")
        try registry.write("it.yaml", TestRegistry.standardYAML(address: server.address, queue: queue, entries: """
              - name: order
                kind: workflow.lua
                source: file://order.lua
                modules: [funcs, time]
                meta: {temporal: {workflow: {worker: worker, name: WebUIOrder}}}

              - name: quote
                kind: function.lua
                source: file://stock.lua
                method: quote
                meta: {temporal: {activity: {worker: worker}}}

              - name: reserve
                kind: function.lua
                source: file://stock.lua
                method: reserve
                meta: {temporal: {activity: {worker: worker}}}
            """))
        try registry.write("order.lua", Self.workflowSource)
        try registry.write("stock.lua", Self.activitySource)
        let daemon = try await startDaemon(registry, label: "webui")

        let wf = Self.workflowSource, act = Self.activitySource
        let mainLine = try line(of: "local function main(order)", in: wf)
        let raiseLine = try line(of: #"kind = "ORDER_REJECTED""#, in: wf)
        let reserveCallLine = try line(of: "local reservation = reserve(order)", in: wf)
        let sleepLine = try line(of: #"time.sleep("1h")"#, in: wf)
        let listenLine = try line(of: #"process.listen("approve")"#, in: wf)
        let checkRaiseLine = try line(of: #"kind = "OUT_OF_STOCK""#, in: act)
        let checkCallLine = try line(of: "  check(req)", in: act)
        let activityMainLine = try line(of: "local function reserve(req)", in: act)

        let completedId = unique("webui-completed"), failedId = unique("webui-failed"), blockedId = unique("webui-blocked")
        try await cli.start(type: "WebUIOrder", queue: queue, id: completedId,
                            input: #"{"order_id":"A-17","sku":"star-map","qty":2}"#)
        try await cli.start(type: "WebUIOrder", queue: queue, id: failedId,
                            input: #"{"order_id":"B-23","sku":"moon-boots","qty":5}"#)
        try await cli.start(type: "WebUIOrder", queue: queue, id: blockedId,
                            input: #"{"order_id":"C-42","sku":"star-map","qty":1,"needs_approval":true}"#)

        let completed = try await cli.waitForClose(completedId, timeout: .seconds(30), context: { daemon.describe() })
        XCTAssertEqual(completed.closeEvent?.type, "WorkflowExecutionCompleted", completed.summary)
        let failed = try await cli.waitForClose(failedId, timeout: .seconds(30), context: { daemon.describe() })
        XCTAssertEqual(failed.closeEvent?.type, "WorkflowExecutionFailed", failed.summary)
        XCTAssertEqual(failed.closeEvent?.failureType, "ORDER_REJECTED", failed.summary)
        // The Call Stack tab sends the same query; wait until the run is blocked in `listen`.
        let stack = try await eventually("the blocked workflow to wait in process.listen", timeout: .seconds(30),
                                         message: { daemon.describe() }) { () -> String? in
            try daemon.ensureAlive()
            let out = try await cli.ok(["workflow", "stack", "--workflow-id", blockedId])
            return out.contains("order.lua:\(listenLine)") ? out : nil
        }
        XCTAssertTrue(stack.contains("order.lua:\(sleepLine)"), stack)

        let shots = Self.screenshotDir()
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        func page(_ name: String, _ workflowId: String, _ tab: String, expect: [String],
                  expandRows: Bool) async throws -> Browser.Page {
            let png = shots.appendingPathComponent("\(name).png").path
            try? FileManager.default.removeItem(atPath: png)   // never pass on an old capture
            return Browser.Page(url: "\(ui)/namespaces/default/workflows/\(workflowId)/\(try await runId(cli, workflowId))/\(tab)",
                                expect: expect, prepare: expandRows ? Self.expandRows : nil,
                                fit: expandRows ? "#content-wrapper" : nil, screenshot: png,
                                text: shots.appendingPathComponent("\(name).txt").path)
        }

        let completedExpect = [
            "WebUIOrder", "Moonflow",
            // the workflow's input and result (the Input and Result cards, and the closing event)
            #""order_id": "A-17""#, #""sku": "star-map""#, #""status": "confirmed""#, #""total": 25"#,
            // the activities: names, inputs and results (as the UI prints JSON; Moonflow sorts keys)
            "it:quote", "it:reserve", #""in_stock": 40"#, #""unit_price": 12.5"#,
            "{\n  \"qty\": 2,\n  \"sku\": \"star-map\"\n}",                               // it:quote's input
            "{\n  \"order_id\": \"A-17\",\n  \"qty\": 2,\n  \"sku\": \"star-map\"\n}",        // it:reserve's input
            "{\n  \"qty\": 2,\n  \"reservation_id\": \"R-A-17\",\n  \"sku\": \"star-map\"\n}", // its result
            "Activity Task Completed", "Workflow Execution Completed",
        ]
        let failureMessage = "order B-23 rejected: only 3 moon-boots left, 5 wanted"
        let failedExpect = [
            // the workflow's failure: message, kind, and its Lua traceback as lines in the
            // Call Stack box under the event (the JSON view above shows tabs as `\t`)
            "Workflow Execution Failed", failureMessage, #""type": "ORDER_REJECTED""#,
            "\n\torder.lua:\(raiseLine): in upvalue 'reserve'\n\torder.lua:\(reserveCallLine): in function <order.lua:\(mainLine)>",
            // the activity's: input, message, kind, non-retryable, its traceback
            "Activity Task Failed", "it:reserve", #""order_id": "B-23""#, "only 3 moon-boots left, 5 wanted",
            #""type": "OUT_OF_STOCK""#, #""nonRetryable": true"#,
            "\n\tstock.lua:\(checkRaiseLine): in upvalue 'check'\n\tstock.lua:\(checkCallLine): in function <stock.lua:\(activityMainLine)>",
        ]
        let blockedExpect = [
            "Call Stack", "main (blocked)", "order.lua:\(listenLine): in function <order.lua:\(mainLine)>",
            "coroutine 2 (blocked)", "order.lua:\(sleepLine): in function <order.lua:\(sleepLine)>",
        ]
        let pages = [
            try await page("history-completed", completedId, "history", expect: completedExpect, expandRows: true),
            try await page("history-failed", failedId, "history", expect: failedExpect, expandRows: true),
            try await page("stack-trace-blocked", blockedId, "stack-trace", expect: blockedExpect, expandRows: false),
        ]
        let browserStart = clock.now
        let rendered = try await Browser.render(pages, timeout: .seconds(60), workDir: registry.dir.deletingLastPathComponent())
        let browserTime = clock.now - browserStart
        XCTAssertEqual(rendered.count, pages.count)

        for (result, expect) in zip(rendered, [completedExpect, failedExpect, blockedExpect]) {
            for text in expect {
                XCTAssertTrue(result.text.contains(text),
                              "the Web UI page \(result.url) does not show \(text.debugDescription) (screenshot \(result.screenshot)); "
                              + "it rendered:\n\(result.text)")
            }
            // payloads are shown decoded (base64 of `{"` is `eyJ`), and no traceback has
            // Moonflow's own Lua frames (moonflow/*.lua, the tail call into main)
            XCTAssertFalse(result.text.contains("eyJ"), "a payload is shown base64-encoded on \(result.url):\n\(result.text)")
            XCTAssertFalse(result.text.contains("moonflow/") || result.text.contains("(...tail calls...)"),
                           "Moonflow's internal frames show on \(result.url):\n\(result.text)")
        }

        let stats = try await Browser.pngStats(rendered.map(\.screenshot))
        for s in stats {
            let size = (try? FileManager.default.attributesOfItem(atPath: s.path)[.size] as? Int) ?? 0
            XCTAssertGreaterThanOrEqual(s.width, 1440, s.path)
            XCTAssertGreaterThanOrEqual(s.height, 1800, s.path)
            XCTAssertGreaterThan(size, 20_000, "\(s.path) is suspiciously small")
            XCTAssertGreaterThan(s.colors, 100, "\(s.path) looks blank: only \(s.colors) colours")
            XCTAssertLessThan(s.dominantFraction, 0.9, "\(s.path) looks blank: one colour covers \(s.dominantFraction)")
        }
        for r in rendered {
            print("Web UI screenshot: \(r.screenshot) (\(r.bytes) bytes, rendered in \(r.seconds) s)")
        }

        try await cli.ok(["workflow", "terminate", "--workflow-id", blockedId, "--reason", "Web UI test done"])
        try await stopCleanly(daemon)
        print("Web UI test: browser \(browserTime), total \(clock.now - began)")
    }

    /// `MOONFLOW_WEBUI_SCREENSHOTS`, else `<package>/.build/webui-screenshots`.
    static func screenshotDir() -> URL {
        if let dir = ProcessInfo.processInfo.environment["MOONFLOW_WEBUI_SCREENSHOTS"], !dir.isEmpty {
            return URL(fileURLWithPath: dir)
        }
        return Paths.packageRoot.appendingPathComponent(".build/webui-screenshots")
    }

    /// The 1-based number of the one line of `source` containing `marker`.
    private func line(of marker: String, in source: String) throws -> Int {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let hits = lines.indices.filter { lines[$0].contains(marker) }
        guard hits.count == 1 else {
            throw IntegrationError("expected one line containing \(marker.debugDescription), found \(hits.count)")
        }
        return hits[0] + 1
    }

    private func runId(_ cli: TemporalCLI, _ workflowId: String) async throws -> String {
        let info = try await cli.describe(workflowId)["workflowExecutionInfo"] as? [String: Any]
        guard let runId = (info?["execution"] as? [String: Any])?["runId"] as? String, !runId.isEmpty else {
            throw IntegrationError("`workflow describe` of \(workflowId) has no run id: \(String(describing: info))")
        }
        return runId
    }
}
