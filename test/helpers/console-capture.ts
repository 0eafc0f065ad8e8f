/**
 * Loaded by jest before each test file (setupFiles), so that n8n's logger (winston, which writes
 * to console._stdout or a console.log bound when it is created) writes into this buffer: tests can then assert on what n8n
 * logged (the API key must never be there), and the test output stays readable.
 * Set SHOW_N8N_LOGS=1 to also print everything.
 */
import { format } from 'node:util';

const key = '__chatDashCapturedConsole';
type Store = { lines: string[] };
const globals = globalThis as unknown as Record<string, Store | undefined>;

export function consoleCapture(): Store {
	globals[key] ??= { lines: [] };
	return globals[key]!;
}

export function installConsoleCapture(): void {
	const store = consoleCapture();
	// winston's console transport writes to console._stdout when there is one, else console.log.
	const stream = (console as unknown as { _stdout?: { write: (chunk: unknown) => boolean } })._stdout;
	if (stream) {
		const write = stream.write.bind(stream);
		stream.write = (chunk: unknown) => {
			store.lines.push(String(chunk));
			return process.env.SHOW_N8N_LOGS ? write(chunk) : true;
		};
	}
	for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		const original = console[level].bind(console);
		console[level] = (...args: unknown[]) => {
			store.lines.push(format(...args));
			if (process.env.SHOW_N8N_LOGS) original(...args);
		};
	}
}
