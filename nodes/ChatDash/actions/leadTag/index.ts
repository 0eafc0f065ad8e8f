// The leadTag resource: one line per operation (being written).
export {};
