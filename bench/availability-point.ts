// Lambdas run on Node 22 in AWS; the SDK's warning about local Node 20 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { availabilityAt } from './availability-scale';
import { withBenchEnvironment } from './bench-environment';

/**
 * One point of the availability curve, in a process and on a DynamoDB Local of its own (see
 * availabilityAt): `tsx bench/availability-point.ts <locations>` prints it as JSON on its last line.
 */
const size = Number(process.argv[2]);
if (!Number.isInteger(size) || size <= 0) throw new Error('usage: availability-point.ts <locations>');
withBenchEnvironment((env) => availabilityAt(env, size))
  .then((point) => console.log(JSON.stringify(point)))
  .catch((error: Error) => {
    console.error(error);
    process.exit(1);
  });
