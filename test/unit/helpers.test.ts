/** The small pure pieces the node is built from, tested directly. */
import { problemWithId, problemWithText } from '../../nodes/ChatDash/helpers/validation';
import { toTranscript } from '../../nodes/ChatDash/helpers/transcript';
import { recordingExtension } from '../../nodes/ChatDash/actions/followUp';
import { couponLabel } from '../../nodes/ChatDash/methods/listSearch';
import {
	buildUrl,
	describeHttpFailure,
	extractApiMessage,
	redactSecret,
} from '../../nodes/ChatDash/transport';

describe('buildUrl', () => {
	test('joins base URL and encoded segments, ignoring trailing slashes on the base', () => {
		expect(buildUrl('https://api.chat-dash.com/v1/public/', ['stripe', 'a/b', '?x=1', '#f'])).toBe(
			'https://api.chat-dash.com/v1/public/stripe/a%2Fb/%3Fx%3D1/%23f',
		);
	});

	test('encodes percent signs, so %2F stays the three characters it was', () => {
		expect(buildUrl('http://h', ['%2F'])).toBe('http://h/%252F');
	});

	test.each(['', '.', '..'])('refuses the segment %j, which a URL parser would drop or resolve', (segment) => {
		expect(() => buildUrl('http://h', ['coupons', segment])).toThrow('cannot be sent');
	});
});

describe('redactSecret', () => {
	test('replaces every occurrence in strings and nested JSON', () => {
		expect(redactSecret('key k3y and k3y', 'k3y')).toBe('key [redacted] and [redacted]');
		expect(redactSecret({ a: ['x k3y'], b: { k3y: 1 } }, 'k3y')).toEqual({
			a: ['x [redacted]'],
			b: { '[redacted]': 1 },
		});
	});

	test('leaves values alone when there is no secret', () => {
		const value = { a: 1 };
		expect(redactSecret(value, '')).toBe(value);
		expect(redactSecret(42, 'k')).toBe(42);
	});
});

describe('extractApiMessage', () => {
	test.each([
		[{ error: 'An unexpected error occurred' }, 'An unexpected error occurred'],
		[{ error: { type: 'invalid_request_error', message: 'No such coupon' } }, 'No such coupon'],
		[{ message: 'Bad' }, 'Bad'],
		['<html><h1>502 Bad   Gateway</h1></html>', '502 Bad Gateway'],
		[{}, undefined],
		['', undefined],
		[null, undefined],
	])('%j → %j', (body, expected) => {
		expect(extractApiMessage(body)).toBe(expected);
	});

	test('cuts very long text bodies', () => {
		expect(extractApiMessage('x'.repeat(10_000))).toHaveLength(300);
	});
});

describe('describeHttpFailure', () => {
	const failure = (statusCode: number, body: unknown = {}, headers = {}) =>
		describeHttpFailure({ statusCode, body, headers }, { notFoundMessage: 'Coupon "C" was not found' });

	test('401 and 403 point at the credential', () => {
		expect(failure(401).description).toContain("'ChatDash API' credential");
		expect(failure(403).message).toBe('ChatDash rejected the API key (HTTP 403)');
	});

	test('404 uses the operation’s own wording', () => {
		expect(failure(404).message).toBe('Coupon "C" was not found');
	});

	test('429 passes on Retry-After, with its unit', () => {
		expect(failure(429, {}, { 'retry-after': '12' }).description).toContain('ChatDash asked to wait 12 seconds before retrying.');
		expect(failure(429, {}, { 'retry-after': '1' }).description).toContain('ChatDash asked to wait 1 second before retrying.');
		expect(failure(429, {}, { 'retry-after': '0.5' }).description).toContain('wait 0.5 seconds before');
		expect(failure(429, {}, { 'retry-after': 'Mon, 23 Nov 2026 12:00:05 GMT' }).description).toContain(
			'wait until Mon, 23 Nov 2026 12:00:05 GMT before retrying',
		);
		expect(failure(429, {}, { 'retry-after': 'soon' }).description).toContain('wait "soon" before');
		expect(failure(429).description).not.toContain('asked to wait');
		expect(failure(429).description).toContain("'Max Attempts'");
	});

	test('5xx carries the status and ChatDash’s error text', () => {
		expect(failure(503, { error: 'Down for maintenance' }).message).toBe(
			'ChatDash server error (HTTP 503): Down for maintenance',
		);
		expect(failure(500, '').message).toBe('ChatDash server error (HTTP 500)');
	});

	test('other 4xx carry the API’s message', () => {
		expect(failure(409, { error: { message: 'Conflict here' } }).message).toBe(
			'ChatDash rejected the request (HTTP 409): Conflict here',
		);
	});
});

describe('problemWithId', () => {
	test.each([
		['SUMMER20', undefined],
		[' SUMMER20 ', undefined],
		[12345, undefined],
		['a/b', undefined],
		['', 'is empty'],
		[' \n', 'is empty'],
		['.', 'cannot be "."'],
		[' .. ', 'cannot be ".."'],
		[{}, 'must be text, but the expression gave an object'],
		[undefined, 'must be text, but the expression gave nothing'],
		[false, 'must be text, but the expression gave a boolean'],
		['\ud800', 'contains an invalid (unpaired surrogate) character'],
	])('%j → %j', (value, expected) => {
		expect(problemWithId(value)).toBe(expected);
	});
});

describe('problemWithText', () => {
	test.each([
		['Winter Sale', undefined],
		['  padded  ', undefined],
		[2026, undefined],
		['', 'is empty'],
		['\t ', 'is empty'],
		[['a'], 'must be text, but the expression gave an array'],
	])('%j → %j', (value, expected) => {
		expect(problemWithText(value)).toBe(expected);
	});
});

describe('couponLabel', () => {
	test('shows the name and the ID, or the ID alone', () => {
		expect(couponLabel({ id: 'SUMMER20', name: 'Summer Sale' })).toBe('Summer Sale (SUMMER20)');
		expect(couponLabel({ id: 'SUMMER20', name: null })).toBe('SUMMER20');
	});
});

describe('toTranscript', () => {
	const say = (sender: unknown, text: unknown, type = 'text') => ({ sender, type, content: { text } }) as never;

	test('one line per message, in the order given, senders as ChatDash names them', () => {
		expect(toTranscript([say('user', 'Hi'), say('bot', 'Hello'), say('agent', 'Taking over')])).toBe('User: Hi\nBot: Hello\nAgent: Taking over');
	});

	test('text exactly as sent: spaces and line breaks kept', () => {
		expect(toTranscript([say('user', '  two  spaces '), say('bot', 'a\nb')])).toBe('User:   two  spaces \nBot: a\nb');
	});

	test('messages without text are marked with their type, not dropped', () => {
		expect(toTranscript([{ sender: 'bot', type: 'card', content: {} }, say('user', ''), { sender: 'user' } as never])).toBe(
			'Bot: [card message, no text]\nUser: [text message, empty text]\nUser: [unknown message, no text]',
		);
	});

	test('a sender outside user/bot/agent is shown as given; none as Unknown; an empty list is empty text', () => {
		expect(toTranscript([say('system', 'x'), say(undefined, 'y'), say(7, 'z')])).toBe('system: x\nUnknown: y\nUnknown: z');
		expect(toTranscript([])).toBe('');
	});
});

describe('recordingExtension', () => {
	const url = (path: string) => new URL(`https://host${path}`);
	test.each([
		['audio/mpeg', '/r', '.mp3'],
		['audio/wav', '/r', '.wav'],
		['audio/x-wav', '/r', '.wav'],
		['audio/ogg', '/r', '.ogg'],
		['audio/webm', '/r', '.webm'],
		['audio/mp4', '/r', '.m4a'],
		['audio/mpeg', '/r.wav', '.mp3'],
		['application/octet-stream', '/calls/r.OPUS', '.opus'],
		[undefined, '/r.m4a', '.m4a'],
		[undefined, '/recording', ''],
		['application/octet-stream', '/a.b/recording', ''],
	])('%s at %s → %j', (mimeType, path, extension) => {
		expect(recordingExtension(mimeType, url(path))).toBe(extension);
	});
});
