import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { chatDashDescription } from './actions/node.description';
import { router } from './actions/router';
import { listSearch } from './methods';

export class ChatDash implements INodeType {
	description = chatDashDescription;

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
