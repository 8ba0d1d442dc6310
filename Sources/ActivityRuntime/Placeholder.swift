// Filled in by the ActivityRuntime work.
