/// Histories recorded from a real `temporal server start-dev`, one per
/// `HistoryFixture*.swift` file. Embedded as literals because SwiftPM
/// resources would need a Package.swift change.
enum HistoryFixtures {}
