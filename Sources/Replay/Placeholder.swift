// Filled in by the Replay work.
