#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The little file-system access Moonflow needs, on POSIX calls (no
/// Foundation: see README, "Memory").
public enum FileSystem {
    /// The whole content of a file; nil when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // Sized from fstat up front (a long history is megabytes: growing
        // the array by 64 KiB reads copied it over and over); a file that
        // grows meanwhile is still read to its end.
        var info = stat()
        let expected = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) : 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// The text of a UTF-8 file; nil when unreadable, `.invalid` when not UTF-8.
    public static func readText(_ path: String) -> TextFile? {
        guard let bytes = read(path) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .invalid }
        return .text(text)
    }

    public enum TextFile: Sendable, Equatable {
        case text(String)
        case invalid
    }

    /// The current directory ("/" when it cannot be had).
    public static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in a directory (not `.` and `..`), or nil when it cannot be read.
    public static func entries(ofDirectory path: String) -> [String]? {
        guard let handle = opendir(path) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public enum Kind: Sendable, Equatable {
        case directory, regularFile, other
    }

    /// What `path` names, following symbolic links; nil when nothing (or a
    /// dangling link) is there.
    public static func kind(atPath path: String) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return kind(of: info)
    }

    private static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        default: return .other
        }
    }

    /// Every regular file under `root` (following links to files; not
    /// descending into linked directories, so a link cannot make a cycle),
    /// skipping names that start with a dot, as absolute paths in no
    /// particular order.
    public static func regularFiles(under root: String) -> [String] {
        var files: [String] = []
        var pending = [root]
        while let directory = pending.popLast() {
            guard let handle = opendir(directory) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch kind(of: info) {
                case .directory:
                    pending.append(path)
                case .regularFile:
                    files.append(path)
                case .other:
                    if kind(atPath: path) == .regularFile { files.append(path) }   // a link to a file
                }
            }
        }
        return files
    }
}
