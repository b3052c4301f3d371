/** Names a place in a workflow document the way people read it: `rulesets[2].rules[0].props.status`. */
export const workflowPath = (segments: readonly PropertyKey[]): string =>
  segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    const name = typeof segment === 'symbol' ? (segment.description ?? '') : segment;
    return path ? `${path}.${name}` : name;
  }, '');
