import { Table } from '../../components/page';
import type { StockFile } from './stock-file';

const SHOWN = 20;

const cell = (value: unknown) => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** What the file holds before anything is sent: its first records, and every line that cannot be read. */
export const StockFilePreview = ({ fileName, file }: { fileName: string; file: StockFile }) => (
  <div class="stock-preview">
    <p role="status">
      <strong>{fileName}</strong>: {file.records.length} record{file.records.length === 1 ? '' : 's'}
      {file.malformed.length > 0 && `, ${file.malformed.length} unreadable line${file.malformed.length === 1 ? '' : 's'}`}.
    </p>
    {file.malformed.length > 0 && (
      <>
        <div class="banner banner-error" role="alert">
          Fix these lines and choose the file again. As with a dropped stock file, nothing is sent while a line cannot be read.
        </div>
        <Table caption="Unreadable lines">
          <thead>
            <tr>
              <th scope="col" class="number">Line</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {file.malformed.map((entry) => (
              <tr key={entry.line}>
                <td class="number">{entry.line}</td>
                <td class="wrap">{entry.message}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </>
    )}
    {file.records.length > 0 && (
      <Table caption="Records read from the file">
        <thead>
          <tr>
            <th scope="col" class="number">Line</th>
            <th scope="col">SKU</th>
            <th scope="col">Location</th>
            <th scope="col" class="number">Qty</th>
            <th scope="col" class="number">Safety stock</th>
          </tr>
        </thead>
        <tbody>
          {file.records.slice(0, SHOWN).map(({ line, record }) => (
            <tr key={line}>
              <td class="number">{line}</td>
              <td>{cell(record.skuRef)}</td>
              <td>{cell(record.locationRef)}</td>
              <td class="number">{cell(record.qty)}</td>
              <td class="number">{cell(record.safetyStock)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    )}
    {file.records.length > SHOWN && <p class="muted">…and {file.records.length - SHOWN} more records.</p>}
  </div>
);
