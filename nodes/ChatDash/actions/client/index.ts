// The client resource: one line per operation (being written).
export {};
