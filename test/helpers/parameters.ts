/**
 * Builders and readers the engine-level tests share: resource-locator values as n8n's editor saves
 * them, what the emulator received, and an error's JSON without the node n8n attaches to it.
 */
import type { startEmulator } from '../emulator/chatdash-emulator';

/** A resource locator set "By ID" (the value may be an expression). */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A resource locator picked "From list". */
export const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** Every request the emulator received, as [method, path, query, JSON body], oldest first. */
export const requestsSent = (emulator: Pick<Emulator, 'requests'>) =>
	emulator.requests.map((request) => [request.method, request.path, request.query, request.json]);

/**
 * The error as JSON, without the `node` n8n attaches to it (the node with its parameters, so a
 * password typed into a field: n8n stores that with the workflow anyway).
 */
export function errorJsonWithoutNode(error: unknown): string {
	const copy: Record<string, unknown> = { ...(error as Record<string, unknown>) };
	copy.message = (error as Error | undefined)?.message;
	copy.stack = (error as Error | undefined)?.stack;
	delete copy.node;
	return JSON.stringify(copy);
}
