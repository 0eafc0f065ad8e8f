// The product resource: one line per operation (being written).
export {};
