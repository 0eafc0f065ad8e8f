// The agent resource: one line per operation (being written).
export {};
