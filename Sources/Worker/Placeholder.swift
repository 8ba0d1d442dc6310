// Filled in by the Worker work.
