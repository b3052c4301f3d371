// Lets a function import a YAML file (openapi.yaml) as the object it describes. The YAML is parsed
// here, at build time, so the bundle holds plain JSON and no YAML parser.
const { readFile } = require('node:fs/promises');
const { load } = require('js-yaml');

/** An esbuild plugin: `import contract from '../../openapi.yaml'` gives the parsed document. */
const yamlAsJson = {
  name: 'yaml-as-json',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, async (args) => ({
      contents: JSON.stringify(load(await readFile(args.path, 'utf8'))),
      loader: 'json',
    }));
  },
};

module.exports = [yamlAsJson];
