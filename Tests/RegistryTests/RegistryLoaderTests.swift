import TemporalModel
import XCTest
@testable import Registry

final class RegistryLoaderTests: XCTestCase {
    private func validFixture() throws -> Fixture {
        try Fixture([
            "temporal.yaml": """
            version: "1.0"
            namespace: app
            entries:
              - name: client
                kind: temporal.client
                address: ${env:TEMPORAL_HOST}:7233
                tq_prefix: dev-
                connection_timeout: 2s
                keep_alive_time: 1m
                auth:
                  type: api_key
                  api_key_env: TEMPORAL_KEY
                tls:
                  server_name: temporal.example.com
              - name: worker
                kind: temporal.worker
                client: client
                task_queue: orders
                log_level: debug
                worker_options:
                  max_concurrent_activity_execution_size: 7
                  sticky_schedule_to_start_timeout: 1500
                  identity: test-identity
              - name: spare
                kind: temporal.worker
                client: app:client
                task_queue: spare
                lifecycle: {auto_start: false}
            """,
            "shop/orders.yml": """
            namespace: shop.orders
            meta: {team: orders, tier: 1}
            entries:
              - name: order_workflow
                kind: workflow.lua
                source: file://order_workflow.lua
                modules: [funcs, time, workflow]
                imports: {util: util}
                meta:
                  tier: 2
                  temporal:
                    workflow:
                      worker: app:worker
                      name: OrderWorkflow
              - name: charge
                kind: function.lua
                source: file://lib/charge.lua
                method: charge
                modules: [json, env, logger]
                meta: {temporal: {activity: {worker: app:worker}}}
              - name: helper
                kind: function.lua
                source: "return function() return 1 end"
              - name: util
                kind: library.lua
                source: file://../common/util.lua
                modules: [json]
            """,
            "shop/order_workflow.lua": "return { main = function(order) return order end }\n",
            "shop/lib/charge.lua": "return { charge = function() end }\n",
            "common/util.lua": "return {}\n",
            "notes.txt": "not yaml",
        ])
    }

    func testValidRegistryLoadsWithDefaultsAndResolution() throws {
        let fixture = try validFixture()
        defer { fixture.remove() }
        let registry = try fixture.load(environment: ["TEMPORAL_HOST": "temporal.local"])

        XCTAssertEqual(registry.entryIds, [
            "app:client", "app:spare", "app:worker", "shop.orders:charge", "shop.orders:helper",
            "shop.orders:order_workflow", "shop.orders:util",
        ])
        XCTAssertEqual(registry.warnings, [])

        let client = try XCTUnwrap(registry.client("app:client"))
        XCTAssertEqual(client.address, "temporal.local:7233")
        XCTAssertEqual(client.namespace, "default")
        XCTAssertEqual(client.tqPrefix, "dev-")
        XCTAssertEqual(client.connectionTimeout, .seconds(2))
        XCTAssertEqual(client.keepAliveTime, .seconds(60))
        XCTAssertEqual(client.keepAliveTimeout, .seconds(10))
        XCTAssertEqual(client.auth, .apiKey(.environment("TEMPORAL_KEY")))
        XCTAssertEqual(client.tls, TLSSettings(enabled: true, serverName: "temporal.example.com"))

        let worker = try XCTUnwrap(registry.worker("app:worker"))
        XCTAssertEqual(worker.clientId, "app:client")
        XCTAssertEqual(worker.taskQueue, "orders")
        XCTAssertEqual(worker.effectiveTaskQueue, "dev-orders")
        XCTAssertTrue(worker.autoStart)
        XCTAssertEqual(worker.options.maxConcurrentActivityExecutionSize, 7)
        XCTAssertEqual(worker.options.maxConcurrentWorkflowTaskExecutionSize,
                       WorkerOptions.defaultMaxConcurrentWorkflowTaskExecutionSize)
        XCTAssertEqual(worker.options.maxConcurrentWorkflowTaskPollers, 2)
        XCTAssertEqual(worker.options.stickyScheduleToStartTimeout, .milliseconds(1_500))
        XCTAssertEqual(worker.options.identity, "test-identity")
        XCTAssertNil(worker.options.buildId)
        XCTAssertEqual(worker.logLevel, .debug)
        let spare = try XCTUnwrap(registry.worker("app:spare"))
        XCTAssertFalse(spare.autoStart)
        XCTAssertNil(spare.logLevel)
        XCTAssertEqual(spare.options.stickyScheduleToStartTimeout, .seconds(5))
        XCTAssertEqual(spare.effectiveTaskQueue, "dev-spare")

        let workflow = try XCTUnwrap(registry.workflow("shop.orders:order_workflow"))
        XCTAssertEqual(workflow.method, "main")
        XCTAssertEqual(workflow.workerId, "app:worker")
        XCTAssertEqual(workflow.temporalName, "OrderWorkflow")
        XCTAssertEqual(workflow.modules, ["funcs", "time", "workflow"])
        XCTAssertEqual(workflow.imports, ["util": "shop.orders:util"])
        XCTAssertEqual(workflow.source.path, "shop/order_workflow.lua")
        XCTAssertEqual(workflow.source.chunkName, "@shop/order_workflow.lua")
        XCTAssertEqual(workflow.source.text, "return { main = function(order) return order end }\n")
        guard case .object(let meta) = workflow.meta else { return XCTFail("meta is not an object") }
        XCTAssertEqual(meta["team"], .string("orders"))
        XCTAssertEqual(meta["tier"], .int(2), "entry meta wins over file meta")
        XCTAssertNotNil(meta["temporal"])
        XCTAssertEqual(registry.workflow(temporalName: "OrderWorkflow", worker: "app:worker")?.id, workflow.id)

        let charge = try XCTUnwrap(registry.function("shop.orders:charge"))
        XCTAssertEqual(charge.method, "charge")
        XCTAssertEqual(charge.activityWorkerId, "app:worker")
        XCTAssertEqual(charge.source.chunkName, "@shop/lib/charge.lua")
        XCTAssertEqual(registry.activities.map(\.id), ["shop.orders:charge"])
        XCTAssertEqual(registry.activities(forWorker: "app:worker").map(\.id), ["shop.orders:charge"])

        let helper = try XCTUnwrap(registry.function("shop.orders:helper"))
        XCTAssertNil(helper.activityWorkerId)
        XCTAssertEqual(helper.method, "main")
        XCTAssertNil(helper.source.path)
        XCTAssertEqual(helper.source.chunkName, "=shop.orders:helper")

        let util = try XCTUnwrap(registry.library("shop.orders:util"))
        XCTAssertEqual(util.source.path, "common/util.lua")
        XCTAssertEqual(util.source.chunkName, "@common/util.lua")
        XCTAssertEqual(registry.luaEntry("shop.orders:util")?.id, "shop.orders:util")
        XCTAssertEqual(registry.kind(of: "app:spare"), .worker)
        XCTAssertEqual(registry.workflows(forWorker: "app:worker").map(\.id), ["shop.orders:order_workflow"])
    }

    func testDefaultsOfAMinimalRegistry() throws {
        let fixture = try Fixture([
            "app.yaml": baseTemporalYAML + """

              - name: wf
                kind: workflow.lua
                source: "return function() end"
                meta: {temporal: {workflow: {worker: worker}}}
            """,
        ])
        defer { fixture.remove() }
        let registry = try fixture.load()
        let client = try XCTUnwrap(registry.client("app:client"))
        XCTAssertEqual(client.auth, .none)
        XCTAssertNil(client.tls.enabled)
        XCTAssertEqual(client.connectionTimeout, .seconds(10))
        XCTAssertEqual(client.keepAliveTime, .seconds(30))
        XCTAssertEqual(client.tqPrefix, "")
        let worker = try XCTUnwrap(registry.worker("app:worker"))
        XCTAssertEqual(worker.effectiveTaskQueue, "main")
        XCTAssertEqual(worker.options, WorkerOptions(identity: worker.options.identity))
        XCTAssertTrue(worker.options.identity.contains("@"))
        let workflow = try XCTUnwrap(registry.workflow("app:wf"))
        XCTAssertEqual(workflow.temporalName, "app:wf")
        XCTAssertEqual(workflow.workerId, "app:worker")
        XCTAssertEqual(workflow.meta, .object(["temporal": .object(["workflow": .object(["worker": .string("worker")])])]))
    }

    func testMTLSAuthAndAbsoluteSource() throws {
        let fixture = try Fixture(["lua/abs.lua": "return {}\n"])
        defer { fixture.remove() }
        let other = try Fixture([
            "x.yaml": """
            namespace: x
            entries:
              - name: c
                kind: temporal.client
                address: "[::1]:7233"
                auth: {type: mtls, cert_file: certs/client.pem, key_pem: "-----BEGIN KEY-----"}
              - name: lib
                kind: library.lua
                source: file://\(fixture.root)/lua/abs.lua
            """,
        ])
        defer { other.remove() }
        let registry = try other.load()
        let client = try XCTUnwrap(registry.client("x:c"))
        XCTAssertEqual(client.auth, .mtls(certificate: .file(other.root + "/certs/client.pem"),
                                          key: .pem("-----BEGIN KEY-----")))
        let lib = try XCTUnwrap(registry.library("x:lib"))
        XCTAssertEqual(lib.source.path, fixture.root + "/lua/abs.lua")
        XCTAssertEqual(lib.source.chunkName, "@" + fixture.root + "/lua/abs.lua")
    }

    func testTLSBlockAndAPIKey() throws {
        let fixture = try Fixture([
            "x.yaml": """
            namespace: x
            entries:
              - name: default_tls
                kind: temporal.client
                address: "h:1"
                auth: {type: api_key, api_key_file: secrets/key}
              - name: plaintext
                kind: temporal.client
                address: "h:1"
                tls: {enabled: false}
                auth: {type: api_key, api_key: literal-key}
              - name: ca_only
                kind: temporal.client
                address: "h:1"
                tls: {ca_file: ca.pem}
            """,
        ])
        defer { fixture.remove() }
        let registry = try fixture.load()
        let defaultTLS = try XCTUnwrap(registry.client("x:default_tls"))
        XCTAssertNil(defaultTLS.tls.enabled, "no tls block: left to the auth type")
        XCTAssertEqual(defaultTLS.auth, .apiKey(.file(fixture.root + "/secrets/key")))
        let plaintext = try XCTUnwrap(registry.client("x:plaintext"))
        XCTAssertEqual(plaintext.tls.enabled, false, "an explicit false is kept")
        XCTAssertEqual(plaintext.auth, .apiKey(.literal("literal-key")))
        XCTAssertEqual(try XCTUnwrap(registry.client("x:ca_only")).tls,
                       TLSSettings(enabled: true, caFile: fixture.root + "/ca.pem"))
    }

    func testIgnoredSettingsAreWarnings() throws {
        let fixture = try Fixture([
            "app.yaml": """
            namespace: app
            entries:
              - name: client
                kind: temporal.client
                address: localhost:7233
                lifecycle: {auto_start: true}
              - name: worker
                kind: temporal.worker
                client: client
                task_queue: main
                worker_options: {enable_session_worker: true}
                lifecycle: {auto_start: true, start_timeout: 10s}
              - name: f
                kind: function.lua
                source: "return function() end"
                modules: [process]
            """,
        ])
        defer { fixture.remove() }
        let registry = try fixture.load()
        XCTAssertEqual(registry.warnings.map(\.description), [
            "app.yaml:11:22: app:worker: worker_options.enable_session_worker is ignored: Moonflow does not support this Go SDK worker option",
            "app.yaml:12:35: app:worker: lifecycle.start_timeout is ignored: only lifecycle.auto_start is used by Moonflow",
            "app.yaml:16:15: app:f: module process is a global and needs no listing",
        ])
    }
}
