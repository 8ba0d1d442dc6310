// Filled in by the WorkflowRuntime work.
