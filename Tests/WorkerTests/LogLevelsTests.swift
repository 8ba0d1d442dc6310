import Logging
import Registry
import Worker
import XCTest

/// `--log-level` > `MOONFLOW_LOG_LEVEL` > a worker's `log_level` > `info`.
final class LogLevelsTests: XCTestCase {
    private func worker(_ id: String, _ level: LogLevel?, autoStart: Bool = true) -> WorkerEntry {
        WorkerEntry(id: id, clientId: "app:client", taskQueue: id, autoStart: autoStart, logLevel: level)
    }

    func testFlagWinsOverEnvironmentWhichWinsOverConfig() throws {
        let env = ["MOONFLOW_LOG_LEVEL": "error"]
        XCTAssertEqual(try LogLevels.forced(flag: "debug", environment: env), .debug)
        XCTAssertEqual(try LogLevels.forced(flag: nil, environment: env), .error)
        XCTAssertNil(try LogLevels.forced(flag: nil, environment: [:]))
        XCTAssertNil(try LogLevels.forced(flag: nil, environment: ["MOONFLOW_LOG_LEVEL": ""]), "empty is unset")

        let configured = worker("app:w", .warning)
        XCTAssertEqual(LogLevels.level(of: configured, forced: .debug), .debug)
        XCTAssertEqual(LogLevels.level(of: configured, forced: nil), .warning)
        XCTAssertEqual(LogLevels.level(of: worker("app:plain", nil), forced: nil), .info)
    }

    func testUnknownLevelsAreOneClearLine() {
        XCTAssertThrowsError(try LogLevels.forced(flag: "verbose", environment: ["MOONFLOW_LOG_LEVEL": "debug"])) {
            XCTAssertEqual("\($0)", #"--log-level "verbose" is not a log level (expected one of trace, debug, info, notice, warning, error, critical)"#)
        }
        XCTAssertThrowsError(try LogLevels.forced(flag: nil, environment: ["MOONFLOW_LOG_LEVEL": "WARN"])) {
            XCTAssertEqual("\($0)", #"MOONFLOW_LOG_LEVEL "WARN" is not a log level (expected one of trace, debug, info, notice, warning, error, critical)"#)
        }
    }

    func testDaemonLinesUseTheMostVerboseAutoStartedWorker() {
        let quiet = Registry(workers: [worker("app:a", .warning), worker("app:b", .error)])
        XCTAssertEqual(LogLevels.daemonLevel(quiet, forced: nil), .warning)
        XCTAssertEqual(LogLevels.daemonLevel(quiet, forced: .trace), .trace)
        let mixed = Registry(workers: [worker("app:a", .warning), worker("app:b", nil),
                                       worker("app:off", .trace, autoStart: false)])
        XCTAssertEqual(LogLevels.daemonLevel(mixed, forced: nil), .info, "an unset worker counts as info")
        XCTAssertEqual(LogLevels.daemonLevel(Registry(), forced: nil), .info)
    }

    func testEveryRegistryLevelMapsToTheSwiftLogLevelOfTheSameName() {
        for level in LogLevel.allCases {
            XCTAssertEqual(LogLevels.level(level).rawValue, level.rawValue)
        }
        XCTAssertEqual(LogLevel.allCases.map(\.rawValue), Logger.Level.allCases.map(\.rawValue))
    }
}
