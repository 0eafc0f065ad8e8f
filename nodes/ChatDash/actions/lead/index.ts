// The lead resource: one line per operation (being written).
export {};
