// Jest starts the longest files first so that no worker is left alone with a long file at the end. It knows a file's
// length from its cache of earlier runs, which a fresh clone (CI) lacks: then it goes by file size, and a small file
// that mostly waits (the 500-reservation race, the orders' expiry sweep) starts last and runs alone.
// test/file-durations.json keeps the lengths of a recorded run (`npm run test:durations`) for that case.
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const recorded = require('./file-durations.json');

class LongestFirst extends Sequencer {
  time(test) {
    return super.time(test) ?? recorded[relative(test.context.config.rootDir, test.path)];
  }
}

module.exports = LongestFirst;
