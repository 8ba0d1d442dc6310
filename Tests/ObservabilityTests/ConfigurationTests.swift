import Observability
import XCTest

/// `--metrics-address` / `MOONFLOW_METRICS_ADDRESS` parsing.
final class ConfigurationTests: XCTestCase {
    func testParsesHostPortForms() throws {
        XCTAssertEqual(try ListenAddress(parsing: "127.0.0.1:9464"), ListenAddress(host: "127.0.0.1", port: 9464))
        XCTAssertEqual(try ListenAddress(parsing: ":9464"), ListenAddress(host: "0.0.0.0", port: 9464))
        XCTAssertEqual(try ListenAddress(parsing: "[::1]:9000"), ListenAddress(host: "::1", port: 9000))
        XCTAssertEqual(try ListenAddress(parsing: "localhost:0"), ListenAddress(host: "localhost", port: 0))
        XCTAssertEqual(ListenAddress(host: "::1", port: 9000).description, "[::1]:9000")
    }

    func testRejectsBadAddressesWithAClearMessage() {
        for bad in ["9464", "host:", "host:99999", "::1:9000", "[::1]9000", "host:port"] {
            XCTAssertThrowsError(try ListenAddress(parsing: bad), bad) { error in
                XCTAssertTrue("\(error)".hasPrefix("metrics address '\(bad)'"), "\(error)")
            }
        }
    }

    func testFlagWinsOverEnvironmentAndAbsentMeansOff() throws {
        let env = ["MOONFLOW_METRICS_ADDRESS": "127.0.0.1:9100"]
        XCTAssertEqual(try Telemetry.configuredAddress(flag: "127.0.0.1:9200", environment: env)?.port, 9200)
        XCTAssertEqual(try Telemetry.configuredAddress(flag: nil, environment: env)?.port, 9100)
        XCTAssertNil(try Telemetry.configuredAddress(flag: nil, environment: [:]))
        XCTAssertNil(try Telemetry.configuredAddress(flag: nil, environment: ["MOONFLOW_METRICS_ADDRESS": " "]))
    }

    func testRequestHeadParsing() {
        XCTAssertEqual(HTTPRequest.parse(Array("GET /metrics?x=1 HTTP/1.1\r\nHost: a\r\n\r\n".utf8)),
                       .request(HTTPRequest(method: "GET", path: "/metrics")))
        XCTAssertEqual(HTTPRequest.parse(Array("GET /metrics HTTP/1.1\r\nHost: a\r\n".utf8)), .incomplete)
        XCTAssertEqual(HTTPRequest.parse(Array("GET metrics HTTP/1.1\r\n\r\n".utf8)), .invalid)
        XCTAssertEqual(HTTPRequest.parse(Array("get /metrics HTTP/1.1\r\n\r\n".utf8)), .invalid)
        XCTAssertEqual(HTTPRequest.parse(Array("GET /metrics SPDY/3\r\n\r\n".utf8)), .invalid)
    }
}
