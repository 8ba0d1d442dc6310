// Shared helpers for tests (dev server control).
