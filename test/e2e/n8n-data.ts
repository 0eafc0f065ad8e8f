/** Reading what n8n's REST API returns, for the end-to-end tests. */

/** n8n's execution data is serialised with `flatted`: strings inside objects are indexes. */
export function unflatten(text: string): any {
	const input = JSON.parse(text) as unknown[];
	const seen = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		const value = input[index];
		if (typeof value !== 'object' || value === null) return value;
		if (seen.has(index)) return seen.get(index);
		const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		seen.set(index, out);
		for (const [key, entry] of Object.entries(value)) {
			(out as Record<string, unknown>)[key] = typeof entry === 'string' ? revive(Number(entry)) : entry;
		}
		return out;
	};
	return revive(0);
}
