// The transaction resource: one line per operation (being written).
export {};
