/**
 * A conversation's messages as readable text: one line per message, in the order given, each
 * `<Sender>: <text>`. Pure, so it can be read and tested on its own.
 *
 * Senders are named as ChatDash names them: its docs list `sender` as user, bot or agent and do
 * not define them (https://docs.chat-dash.com/api-reference/messages/pages/get-conversations-messages),
 * so they are shown as "User", "Bot" and "Agent", not translated into other words. A sender
 * outside those is shown as given; a missing one as "Unknown".
 * The text is `content.text` exactly as sent (a text with line breaks spans several lines).
 * A message without text (another message type, or an empty text) is marked, not dropped:
 * `User: [image message, no text]`.
 */
import type { IDataObject } from 'n8n-workflow';

const SENDER_NAMES: Record<string, string> = { user: 'User', bot: 'Bot', agent: 'Agent' };

function senderName(sender: unknown): string {
	if (typeof sender !== 'string' || sender.trim() === '') return 'Unknown';
	return SENDER_NAMES[sender] ?? sender;
}

function textOf(message: IDataObject): string {
	const text = (message.content as IDataObject | undefined)?.text;
	if (typeof text === 'string' && text.trim() !== '') return text;
	const type = typeof message.type === 'string' && message.type.trim() !== '' ? message.type : 'unknown';
	return typeof text === 'string' ? `[${type} message, empty text]` : `[${type} message, no text]`;
}

export function toTranscript(messages: readonly IDataObject[]): string {
	return messages
		.map((message) => (message && typeof message === 'object' ? message : {}))
		.map((message) => `${senderName(message.sender)}: ${textOf(message)}`)
		.join('\n');
}
