// The invoice resource: one line per operation (being written).
export {};
