// The conversation resource: one line per operation (being written).
export {};
