// The message resource: one line per operation (being written).
export {};
