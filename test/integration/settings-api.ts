import { handler as listSettings } from '../../functions/settings/list-settings';
import { handler as putSetting } from '../../functions/settings/put-setting';
import { invoke } from '../support/api-gateway-event';

/** The settings routes, called in-process against DynamoDB Local. */
export const settingsApi = {
  list: (apiKey: string, query: Record<string, string> = {}) => invoke(listSettings, { method: 'GET', resource: '/v1/settings', query, apiKey }),
  put: (apiKey: string, name: string, body: unknown) =>
    invoke(putSetting, { method: 'PUT', resource: '/v1/settings/{name}', pathParameters: { name }, apiKey, body }),
};

/** The value in force of one setting, as GET /v1/settings lists it. */
export const listedSetting = async (apiKey: string, name: string, query: Record<string, string> = {}) => {
  const response = await settingsApi.list(apiKey, query);
  if (response.status !== 200) throw new Error(`settings not listed: ${response.raw}`);
  return (response.body.items as { name: string; value: unknown; source: string }[]).find((setting) => setting.name === name);
};
