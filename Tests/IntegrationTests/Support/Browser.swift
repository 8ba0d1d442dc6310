import Foundation

/// Headless Chromium, driven by `python/webui_browser.py` over the DevTools
/// protocol (`--remote-debugging-pipe`): opens pages, waits until expected
/// text has rendered, and saves screenshots and the rendered text.
enum Browser {
    /// One page to render.
    struct Page: Encodable {
        var url: String
        /// Strings the page's `document.body.innerText` must contain before
        /// the screenshot is taken (waited for, bounded).
        var expect: [String]
        /// JavaScript run before every poll (e.g. to expand rows); must be
        /// idempotent.
        var prepare: String?
        /// A CSS selector of the element the page scrolls in: the viewport
        /// is made tall enough to show all of it.
        var fit: String?
        var screenshot: String
        var text: String?
        var width = 1440
        var height = 1800
    }

    /// What the browser rendered for one page.
    struct Rendered: Decodable {
        var url: String
        /// The `expect` strings that never appeared.
        var missing: [String]
        /// `document.body.innerText` when the screenshot was taken.
        var text: String
        var screenshot: String
        var bytes: Int
        var seconds: Double
    }

    /// What `pngstats` read from a PNG file.
    struct PNGStats: Decodable {
        var path: String
        var width: Int
        var height: Int
        /// Distinct colours (of every 4th pixel).
        var colors: Int
        /// The share of the most frequent colour.
        var dominantFraction: Double

        enum CodingKeys: String, CodingKey {
            case path, width, height, colors
            case dominantFraction = "dominant_fraction"
        }
    }

    private struct Report: Decodable {
        var pages: [Rendered]
        var error: String?
        var browser: String?
        var chromiumLogTail: String?

        enum CodingKeys: String, CodingKey {
            case pages, error, browser
            case chromiumLogTail = "chromium_log_tail"
        }
    }

    private struct Spec: Encodable {
        var chromium: String
        var timeout: Double
        var log: String
        var pages: [Page]
    }

    static let script = Paths.pythonDir.appendingPathComponent("webui_browser.py").path

    /// `MOONFLOW_CHROMIUM`, else `/usr/bin/chromium`, else `chromium` or
    /// `chromium-browser` on `PATH`.
    static func chromium() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let fm = FileManager.default
        if let explicit = env["MOONFLOW_CHROMIUM"], !explicit.isEmpty {
            guard fm.isExecutableFile(atPath: explicit) else {
                throw IntegrationError("MOONFLOW_CHROMIUM=\(explicit) is not an executable file")
            }
            return explicit
        }
        var candidates = ["/usr/bin/chromium"]
        for dir in (env["PATH"] ?? "").split(separator: ":") {
            candidates += ["\(dir)/chromium", "\(dir)/chromium-browser"]
        }
        guard let found = candidates.first(where: fm.isExecutableFile(atPath:)) else {
            throw IntegrationError("""
                Chromium was not found (looked at \(candidates.joined(separator: ", "))). The Web UI test \
                needs a headless browser: `apt-get install chromium` (scripts/install-deps.sh does it), \
                or set MOONFLOW_CHROMIUM to its path.
                """)
        }
        return found
    }

    /// `PYTHON`, else `python3` on `PATH`.
    static func python() throws -> String {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let p = env["PYTHON"], !p.isEmpty { candidates.append(p) }
        for dir in (env["PATH"] ?? "").split(separator: ":") { candidates.append("\(dir)/python3") }
        guard let python = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw IntegrationError("python3 not found on PATH (set PYTHON); the Web UI test drives Chromium with it")
        }
        return python
    }

    /// Renders `pages` in order in one browser; everything (browser start,
    /// every page's wait, screenshots) within `timeout`. A page whose
    /// expected text never appeared is still captured and returned (its
    /// `missing` says what is absent); a browser that cannot start or stops
    /// answering throws with the end of its log.
    static func render(_ pages: [Page], timeout: Duration, workDir: URL) async throws -> [Rendered] {
        let spec = Spec(chromium: try chromium(), timeout: Double(timeout.components.seconds),
                        log: workDir.appendingPathComponent("chromium.log").path, pages: pages)
        let specFile = workDir.appendingPathComponent("browser-spec.json")
        try JSONEncoder().encode(spec).write(to: specFile)
        let out = try await Spawn.run(try python(), [script, "capture", specFile.path],
                                      timeout: timeout + .seconds(20), environment: ["PYTHONUNBUFFERED": "1"])
        guard out.status == 0 else {
            throw IntegrationError("webui_browser.py capture exited \(out.status):\n\(out.combined)")
        }
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: Data(out.stdout.utf8))
        } catch {
            throw IntegrationError("webui_browser.py printed no report (\(error)):\n\(out.combined)")
        }
        if let error = report.error {
            throw IntegrationError("""
                headless Chromium failed: \(error) (after \(report.pages.count) of \(pages.count) pages)
                chromium log \(spec.log):
                \(report.chromiumLogTail ?? Spawn.read(spec.log).suffix(3000).description)
                """)
        }
        return report.pages
    }

    /// Decodes the PNG files and counts their colours.
    static func pngStats(_ paths: [String]) async throws -> [PNGStats] {
        let out = try await Spawn.run(try python(), [script, "pngstats"] + paths, timeout: .seconds(60))
        guard out.status == 0 else {
            throw IntegrationError("webui_browser.py pngstats exited \(out.status):\n\(out.combined)")
        }
        return try JSONDecoder().decode([PNGStats].self, from: Data(out.stdout.utf8))
    }
}
