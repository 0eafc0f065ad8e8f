// The analytics resource: one line per operation (being written).
export {};
