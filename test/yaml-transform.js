// Jest's counterpart of scripts/esbuild/yaml-as-json.js: a YAML import is the parsed document.
const { load } = require('js-yaml');

module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(load(source))};` };
  },
};
