import XCTest
import Glibc
@testable import Registry

/// The POSIX stand-ins for Foundation's ProcessInfo and FileManager.
final class HostProcessTests: XCTestCase {
    func testEnvironmentMatchesGetenv() {
        setenv("MOONFLOW_HOSTPROCESS_TEST", "a=b c", 1)
        defer { unsetenv("MOONFLOW_HOSTPROCESS_TEST") }
        let environment = HostProcess.environment
        XCTAssertEqual(environment["MOONFLOW_HOSTPROCESS_TEST"], "a=b c")
        XCTAssertEqual(environment["PATH"], String(cString: getenv("PATH")))
    }

    func testProcessFacts() {
        XCTAssertEqual(HostProcess.processIdentifier, getpid())
        XCTAssertFalse(HostProcess.hostName.isEmpty)
        XCTAssertGreaterThanOrEqual(HostProcess.processorCount, 1)
        XCTAssertLessThanOrEqual(HostProcess.processorCount, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    func testFiles() throws {
        let dir = "/tmp/moonflow-fs-\(getpid())"
        mkdir(dir, 0o755)
        defer { _ = try? FileSystem.entries(ofDirectory: dir)?.forEach { unlink(dir + "/" + $0) }; rmdir(dir) }
        let big = [UInt8](repeating: 0x61, count: 200_000) + Array("é\n".utf8)
        let fd = open(dir + "/a.txt", O_WRONLY | O_CREAT, 0o644)
        _ = big.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let bad = open(dir + "/b.bin", O_WRONLY | O_CREAT, 0o644)
        _ = [UInt8]([0xFF, 0xFE]).withUnsafeBytes { write(bad, $0.baseAddress, $0.count) }
        close(bad)
        XCTAssertEqual(FileSystem.read(dir + "/a.txt"), big)
        XCTAssertEqual(FileSystem.readText(dir + "/a.txt"), .text(String(decoding: big, as: UTF8.self)))
        XCTAssertEqual(FileSystem.readText(dir + "/b.bin"), .invalid)
        XCTAssertNil(FileSystem.read(dir + "/missing"))
        XCTAssertEqual(FileSystem.entries(ofDirectory: dir)?.sorted(), ["a.txt", "b.bin"])
        XCTAssertEqual(FileSystem.kind(atPath: dir), .directory)
        XCTAssertEqual(FileSystem.kind(atPath: dir + "/a.txt"), .regularFile)
        XCTAssertEqual(FileSystem.regularFiles(under: dir).sorted(), [dir + "/a.txt", dir + "/b.bin"])
        XCTAssertTrue(FileSystem.currentDirectory.hasPrefix("/"))
    }
}
