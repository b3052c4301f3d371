/** A YAML file imported by a function is the document it describes, parsed when the bundle is built. */
declare module '*.yaml' {
  const document: unknown;
  export default document;
}
