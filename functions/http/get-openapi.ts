import contract from '../../openapi.yaml';
import { contractHeaders, publishedContract } from '../../shared/http/published-contract';
import { publicRoute } from '../../shared/http/public-route';

// Parsed into the bundle at build time; hashed once per container.
const published = publishedContract(contract);

export const handler = publicRoute(
  { context: () => published, view: ({ document }) => document, responseHeaders: contractHeaders },
  async (_input, _caller, contract) => contract,
);
