import type { Schemas } from '../../api/client';
import { Table } from '../../components/page';

type JobError = Schemas['Job']['errors'][number];

const SHOWN = 500;

/** Every record the job could not apply, by batch and index in it, with the API's reason. */
export const RecordErrors = ({ errors, batches }: { errors: JobError[]; batches: string[] }) => (
  <section class="block" aria-labelledby="record-errors-title">
    <h2 id="record-errors-title">Failed records ({errors.length})</h2>
    {errors.length === 0 ? (
      <p class="muted">No failed records.</p>
    ) : (
      <Table caption="Failed records">
        <thead>
          <tr>
            <th scope="col" class="number">Batch</th>
            <th scope="col" class="number">Index</th>
            <th scope="col">SKU</th>
            <th scope="col">Location</th>
            <th scope="col">Code</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {errors.slice(0, SHOWN).map((error) => (
            <tr key={`${error.batchId}/${error.index}`}>
              <td class="number">{batches.indexOf(error.batchId) + 1 || error.batchId}</td>
              <td class="number">{error.index}</td>
              <td>{error.skuRef}</td>
              <td>{error.locationRef}</td>
              <td>
                <code>{error.code}</code>
              </td>
              <td class="wrap">{error.message}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    )}
    {errors.length > SHOWN && <p class="muted">The first {SHOWN} of {errors.length} are shown.</p>}
  </section>
);
