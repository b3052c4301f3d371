import { api, unwrap } from '../../api/client';
import { useLoad } from '../../components/load';

/**
 * Suggestions for a retailer field: the retailers that have workflows. Only suggestions: a
 * failed read leaves the field a plain text input.
 */
export const RetailerOptions = ({ id }: { id: string }) => {
  const { data } = useLoad(async () => {
    const { items } = await unwrap(api.GET('/v1/workflows'));
    return [...new Set(items.map((workflow) => workflow.retailerId))].sort();
  }, []);
  return (
    <datalist id={id}>
      {(data ?? []).map((retailerId) => (
        <option key={retailerId} value={retailerId} />
      ))}
    </datalist>
  );
};
