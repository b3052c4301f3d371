import { useEffect, useState } from 'preact/hooks';
import { ErrorBanner, Loading } from '../../components/feedback';

/** Mermaid needs a fresh element id per render. */
let renders = 0;

/**
 * The workflow's Mermaid source drawn as SVG. Mermaid is imported here only, on demand: it is
 * most of the console's weight and only this screen needs it.
 */
export const WorkflowDiagram = ({ diagram, error, loading }: { diagram?: string; error?: unknown; loading: boolean }) => {
  const [svg, setSvg] = useState<string>();
  const [renderError, setRenderError] = useState<unknown>();

  useEffect(() => {
    if (!diagram) return;
    let current = true;
    void (async () => {
      try {
        const mermaid = (await import('mermaid')).default;
        // strict: labels come from uploaded workflows, so no HTML or click handlers in them.
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
        renders += 1;
        const drawn = await mermaid.render(`workflow-diagram-${renders}`, diagram);
        if (current) {
          setSvg(drawn.svg);
          setRenderError(undefined);
        }
      } catch (failure) {
        if (current) setRenderError(failure);
      }
    })();
    return () => {
      current = false;
    };
  }, [diagram]);

  return (
    <section class="card" aria-labelledby="diagram-title">
      <h2 id="diagram-title">State diagram</h2>
      <ErrorBanner error={error ?? renderError} />
      {(loading || (diagram && !svg && !renderError)) && <Loading what="the diagram" />}
      {svg && <div class="diagram" role="region" aria-label="Workflow state diagram" tabIndex={0} dangerouslySetInnerHTML={{ __html: svg }} />}
      {diagram && (
        <details>
          <summary>Mermaid source</summary>
          <pre>{diagram}</pre>
        </details>
      )}
    </section>
  );
};
