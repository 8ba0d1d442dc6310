// Filled in by the TemporalWire work.
