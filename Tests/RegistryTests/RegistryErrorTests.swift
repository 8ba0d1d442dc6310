import XCTest
@testable import Registry

final class RegistryErrorTests: XCTestCase {
    func testThreeMistakesInTwoFilesAreAllReported() throws {
        let fixture = try Fixture([
            "app.yaml": baseTemporalYAML + """

              - name: order_workflow
                kind: workflow.lua
                source: "return function() end"
                meta: {team: a}
            """,
            "shop/more.yaml": """
            namespace: shop
            entries:
              - name: thing
                kind: workflow.luaa
              - name: worker
                kind: temporal.worker
                client: app:client
                task_queue: shop
                worker_options:
                  sticky_schedule_to_start_timeout: 5 seconds
            """,
        ])
        defer { fixture.remove() }
        let errors = fixture.errors()
        XCTAssertEqual(errors.map(\.description), [
            "app.yaml:10:5: app:order_workflow: meta.temporal.workflow.worker is required (the temporal.worker id that polls for this workflow)",
            "shop/more.yaml:4:11: shop:thing: unknown kind workflow.luaa (did you mean \"workflow.lua\"?) (known kinds: temporal.client, temporal.worker, workflow.lua, function.lua, library.lua)",
            "shop/more.yaml:10:41: shop:worker: worker_options.sticky_schedule_to_start_timeout: duration \"5 seconds\" has unknown unit \" seconds\" (expected one of ns, us, ms, s, m, h)",
        ])
        XCTAssertEqual(errors.map(\.entryId), ["app:order_workflow", "shop:thing", "shop:worker"])
        XCTAssertEqual(errors.map(\.file), ["app.yaml", "shop/more.yaml", "shop/more.yaml"])
    }

    func testRelativeSourceEscapingTheRootIsAnError() throws {
        let fixture = try Fixture([
            "app.yaml": """
            namespace: app
            entries:
              - name: lib
                kind: library.lua
                source: file://../outside.lua
            """,
        ])
        defer { fixture.remove() }
        let errors = fixture.errors()
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, 5)
        XCTAssertEqual(errors.first?.entryId, "app:lib")
        XCTAssertTrue(errors.first?.message.contains("escapes the registry root") ?? false, "\(errors)")
    }

    func testMissingSourceFile() throws {
        let fixture = try Fixture([
            "a/app.yaml": """
            namespace: app
            entries:
              - name: lib
                kind: library.lua
                source: file://nope.lua
            """,
        ])
        defer { fixture.remove() }
        XCTAssertEqual(fixture.errors().map(\.description), [
            "a/app.yaml:5:13: app:lib: source file a/nope.lua does not exist (from \"file://nope.lua\")",
        ])
    }

    func testMissingEnvironmentVariable() throws {
        let fixture = try Fixture([
            "app.yaml": """
            namespace: app
            entries:
              - name: client
                kind: temporal.client
                address: ${env:TEMPORAL_ADDRESS}
            """,
        ])
        defer { fixture.remove() }
        XCTAssertEqual(fixture.errors().map(\.description), [
            "app.yaml:5:14: app:client: address: environment variable TEMPORAL_ADDRESS is not set (used as ${env:TEMPORAL_ADDRESS})",
        ])
        XCTAssertNoThrow(try fixture.load(environment: ["TEMPORAL_ADDRESS": "h:1"]))
    }

    func testMTLSWithTLSDisabled() throws {
        let fixture = try Fixture([
            "app.yaml": """
            namespace: app
            entries:
              - name: client
                kind: temporal.client
                address: localhost:7233
                tls: {enabled: false}
                auth: {type: mtls, cert_file: c.pem, key_file: c.key}
            """,
        ])
        defer { fixture.remove() }
        XCTAssertEqual(fixture.errors().map(\.description), [
            "app.yaml:6:10: app:client: tls.enabled is false but auth type mtls needs TLS (a client certificate is sent in the TLS handshake)",
        ])
    }

    func testUnknownLogLevel() throws {
        let fixture = try Fixture([
            "app.yaml": baseTemporalYAML + """

                log_level: verbose
              - name: other
                kind: temporal.worker
                client: client
                task_queue: other
                log_level: DEBUG
              - name: third
                kind: temporal.worker
                client: client
                task_queue: third
                log_level: [info]
            """,
        ])
        defer { fixture.remove() }
        XCTAssertEqual(fixture.errors().map(\.description), [
            "app.yaml:10:16: app:worker: log_level \"verbose\" is unknown (expected one of trace, debug, info, notice, warning, error, critical)",
            "app.yaml:15:16: app:other: log_level \"DEBUG\" is unknown (expected one of trace, debug, info, notice, warning, error, critical) (did you mean \"debug\"?)",
            "app.yaml:20:16: app:third: log_level must be a string, found a list",
        ])
    }

    func testIOModuleInAWorkflow() throws {
        let fixture = try Fixture([
            "app.yaml": baseTemporalYAML + """

              - name: wf
                kind: workflow.lua
                source: "return function() end"
                modules: [funcs, http_client, env, jsn]
                meta: {temporal: {workflow: {worker: worker}}}
              - name: act
                kind: function.lua
                source: "return function() end"
                modules: [workflow]
            """,
        ])
        defer { fixture.remove() }
        let messages = fixture.errors().map(\.description)
        XCTAssertEqual(messages.count, 4, "\(messages)")
        XCTAssertTrue(messages[0].hasPrefix("app.yaml:13:22: app:wf: module http_client cannot be used in a workflow: it performs network I/O, and workflow code must be deterministic"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("app.yaml:13:35: app:wf: module env cannot be used in a workflow: it reads the host environment, and"), messages[1])
        XCTAssertTrue(messages[2].hasPrefix("app.yaml:13:40: app:wf: unknown module jsn (did you mean \"json\"?) (known modules: crypto, ctx, errors, funcs, json, time, uuid, workflow)"), messages[2])
        XCTAssertEqual(messages[3], "app.yaml:18:15: app:act: module workflow is only available in workflows (workflow.lua entries)")
    }

    func testWorkflowImportingAnIOLibrary() throws {
        let fixture = try Fixture([
            "app.yaml": baseTemporalYAML + """

              - name: wf
                kind: workflow.lua
                source: "return function() end"
                imports: {helpers: helpers}
                meta: {temporal: {workflow: {worker: worker}}}
              - name: helpers
                kind: library.lua
                source: "return {}"
                imports: {inner: inner}
              - name: inner
                kind: library.lua
                source: "return {}"
                modules: [logger]
            """,
        ])
        defer { fixture.remove() }
        let messages = fixture.errors().map(\.description)
        XCTAssertEqual(messages.count, 1, "\(messages)")
        XCTAssertTrue(messages[0].hasPrefix("app.yaml:13:24: app:wf: imports.helpers: app:inner (via app:helpers -> app:inner) lists module logger"), messages[0])
    }

    func testDuplicateIdsAcrossFiles() throws {
        let fixture = try Fixture([
            "a.yaml": baseTemporalYAML,
            "b.yaml": """
            namespace: app
            entries:
              - name: worker
                kind: temporal.worker
                client: client
                task_queue: other
            """,
        ])
        defer { fixture.remove() }
        XCTAssertEqual(fixture.errors().map(\.description), [
            "b.yaml:3:5: app:worker: duplicate entry id app:worker (first defined at a.yaml:6)",
        ])
    }

    func testDanglingAndWrongKindReferences() throws {
        let fixture = try Fixture([
            "app.yaml": baseTemporalYAML + """

              - name: w2
                kind: temporal.worker
                client: clinet
                task_queue: q2
              - name: wf
                kind: workflow.lua
                source: "return function() end"
                imports: {x: client}
                meta: {temporal: {workflow: {worker: other:worker}}}
              - name: act
                kind: function.lua
                source: "return function() end"
                meta: {temporal: {activity: {worker: wf}}}
            """,
        ])
        defer { fixture.remove() }
        XCTAssertEqual(fixture.errors().map(\.description), [
            "app.yaml:12:13: app:w2: client refers to app:clinet, which does not exist (expected a temporal.client entry) (did you mean \"app:client\"?)",
            "app.yaml:17:18: app:wf: imports.x refers to app:client, which is a temporal.client entry (expected a library.lua or function.lua entry)",
            "app.yaml:18:42: app:wf: meta.temporal.workflow.worker refers to other:worker, which does not exist (expected a temporal.worker entry)",
            "app.yaml:22:42: app:act: meta.temporal.activity.worker refers to app:wf, which is a workflow.lua entry (expected a temporal.worker entry)",
        ])
    }

    func testBrokenTargetIsNotAlsoReportedMissing() throws {
        let fixture = try Fixture([
            "app.yaml": """
            namespace: app
            entries:
              - name: client
                kind: temporal.client
                address: localhost:7233
                connection_timeout: soon
              - name: worker
                kind: temporal.worker
                client: client
                task_queue: main
            """,
        ])
        defer { fixture.remove() }
        let errors = fixture.errors()
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?.entryId, "app:client")
    }

    func testYAMLSyntaxErrorHasItsLine() throws {
        let fixture = try Fixture([
            "good.yaml": baseTemporalYAML,
            "bad.yaml": """
            namespace: app2
            entries:
              - name: x
                kind: library.lua
                source: [unclosed
              - name: y
            """,
        ])
        defer { fixture.remove() }
        let errors = fixture.errors()
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?.file, "bad.yaml")
        XCTAssertEqual(errors.first?.line, 6)
        XCTAssertNil(errors.first?.entryId)
        XCTAssertTrue(errors.first?.message.hasPrefix("YAML syntax error") ?? false, "\(errors)")
    }

    func testImportCycleBetweenLibraries() throws {
        let fixture = try Fixture([
            "lib.yaml": """
            namespace: lib
            entries:
              - name: a
                kind: library.lua
                source: "return {}"
                imports: {b: b}
              - name: b
                kind: library.lua
                source: "return {}"
                imports: {a: lib:a}
            """,
        ])
        defer { fixture.remove() }
        XCTAssertEqual(fixture.errors().map(\.description), [
            "lib.yaml:10:18: lib:b: import cycle: lib:a -> lib:b -> lib:a",
        ])
    }

    func testUnknownKeysAndFieldTypes() throws {
        let fixture = try Fixture([
            "app.yaml": """
            namespace: app
            entires: []
            """,
            "b.yaml": """
            namespace: b
            entries:
              - name: client
                kind: temporal.client
                adress: localhost:7233
                tls: {enabled: yes please}
              - name: worker
                kind: temporal.worker
                client: client
                task_queue: 12
                worker_options: {max_concurrent_activity_execution_size: 0, max_cached_workflow: 3}
            """,
        ])
        defer { fixture.remove() }
        let messages = fixture.errors().map(\.description)
        XCTAssertEqual(messages.count, 7, messages.joined(separator: "\n"))
        XCTAssertTrue(messages[0].hasPrefix("app.yaml:1:1: entries is required"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("app.yaml:2:1: unknown key entires (did you mean \"entries\"?)"), messages[1])
        XCTAssertTrue(messages[2].hasPrefix("b.yaml:3:5: b:client: address is required"), messages[2])
        XCTAssertTrue(messages[3].hasPrefix("b.yaml:5:5: b:client: unknown key adress (did you mean \"address\"?)"), messages[3])
        XCTAssertTrue(messages[4].hasPrefix("b.yaml:6:20: b:client: tls.enabled must be true or false"), messages[4])
        XCTAssertEqual(messages[5], "b.yaml:11:62: b:worker: worker_options.max_concurrent_activity_execution_size must be at least 1, found 0")
        XCTAssertTrue(messages[6].hasPrefix("b.yaml:11:65: b:worker: unknown key worker_options.max_cached_workflow (did you mean \"max_cached_workflows\"?)"), messages[6])
    }

    func testFileLevelProblemsAndRendering() throws {
        let fixture = try Fixture([
            "empty.yaml": "",
            "nons.yaml": "entries: []\n",
            "odd.yaml": """
            namespace: odd
            entries:
              - just a string
              - kind: library.lua
              - name: "bad:name"
                kind: library.lua
            """,
        ])
        defer { fixture.remove() }
        do {
            _ = try fixture.load()
            XCTFail("expected errors")
        } catch {
            XCTAssertEqual(error.description, """
            nons.yaml:1:1: namespace is required (every entry id is namespace:name)
            odd.yaml:3:5: entry must be a mapping, found "just a string"
            odd.yaml:4:5: entry has no name (every entry needs name and kind)
            odd.yaml:5:11: name "bad:name" is invalid (expected letters, digits, _, - and .; no colon)
            """)
        }
    }
}
