/**
 * Runs `worker(0) … worker(count - 1)` with at most `limit` running at once, starting them in
 * index order. When a worker throws, no new ones start; the ones running are awaited, then the
 * error of the lowest index is thrown, so the outcome does not depend on timing.
 */
export async function forEachWithConcurrency(
	count: number,
	limit: number,
	worker: (index: number) => Promise<void>,
): Promise<void> {
	let next = 0;
	const failures: Array<{ index: number; error: unknown }> = [];
	async function lane(): Promise<void> {
		while (next < count && failures.length === 0) {
			const index = next++;
			try {
				await worker(index);
			} catch (error) {
				failures.push({ index, error });
			}
		}
	}
	const lanes = Array.from({ length: Math.max(1, Math.min(limit, count)) }, lane);
	await Promise.all(lanes);
	if (failures.length) {
		failures.sort((a, b) => a.index - b.index);
		throw failures[0].error;
	}
}
