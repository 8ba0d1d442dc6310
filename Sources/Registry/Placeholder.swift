// Filled in by the Registry work.
