/**
 * Reading what an AI Agent run did, for the suites that run one with the scripted model
 * (ai-agent.e2e.test.ts on n8n 2.x, n8n-1x.e2e.test.ts on 1.x): the agent's answer, what a tool
 * node returned to it, and the tool results n8n sent to the model.
 */
import { AGENT_NODE } from './ai-workflows';
import type { startOpenAiStub } from './openai-stub';

type Stub = Awaited<ReturnType<typeof startOpenAiStub>>;
interface RunItem {
	json: Record<string, unknown>;
}
/** An execution's `data.resultData.runData`: each node's runs, with their outputs by connection type. */
export type AiRunData = Record<string, Array<{ data?: Record<string, RunItem[][]> }>>;

/** How the scripted model's final answers quote the tool results they were given. */
export const quote = (toolResults: string[]) => `The ChatDash tool answered: ${toolResults.join(' | ')}`;

/** The agent's final output (its last run: n8n re-runs the agent once per round of tool calls). */
export function agentOutput(runData: AiRunData) {
	return (runData[AGENT_NODE] ?? []).at(-1)?.data?.main?.[0]?.[0]?.json.output;
}

/** What the tool node `toolNode` returned to the agent, per call. */
export function toolResults(runData: AiRunData, toolNode: string) {
	return (runData[toolNode] ?? []).map((task) => task.data?.ai_tool?.[0]?.map((item) => item.json));
}

/** The `tool` messages (tool results) of every request n8n sent to the scripted `model`, in order. */
export function toolMessages(stub: Stub, model: string) {
	return stub
		.completions(model)
		.flatMap((request) => (request.body.messages as Array<{ role: string; content: string; tool_call_id?: string }>) ?? [])
		.filter((message) => message.role === 'tool');
}
