import Foundation
import XCTest
@testable import Registry

/// A registry directory written to a fresh temporary directory.
struct Fixture {
    let root: String

    init(_ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws {
        root = NSTemporaryDirectory() + "moonflow-registry-\(UUID().uuidString)"
        for (path, text) in files {
            let full = root + "/" + path
            let directory = (full as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }

    func load(environment: [String: String] = [:]) throws(RegistryErrors) -> Registry {
        try RegistryLoader.load(directory: root, environment: environment)
    }

    /// The errors of a load that must fail.
    func errors(environment: [String: String] = [:], file: StaticString = #filePath,
                line: UInt = #line) -> [RegistryError] {
        do {
            _ = try load(environment: environment)
            XCTFail("expected the registry to fail to load", file: file, line: line)
            return []
        } catch {
            return error.errors
        }
    }
}

/// A minimal valid client + worker file in namespace `app`.
let baseTemporalYAML = """
namespace: app
entries:
  - name: client
    kind: temporal.client
    address: localhost:7233
  - name: worker
    kind: temporal.worker
    client: client
    task_queue: main
"""
