#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, and a directory walk: the little file-system access
/// the registry needs, on POSIX calls (FoundationEssentials has no
/// `isDirectory` test or directory enumerator on Linux).
public enum FileSystem {
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
