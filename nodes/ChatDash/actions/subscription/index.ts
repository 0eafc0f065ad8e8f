// The subscription resource: one line per operation (being written).
export {};
