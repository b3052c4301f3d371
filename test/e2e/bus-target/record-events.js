const { appendFileSync } = require('node:fs');

/** Appends each event it is given to the record file, one JSON line each, for the test to read. */
exports.handler = async (event) => {
  appendFileSync(process.env.BUS_TARGET_RECORD_FILE, `${JSON.stringify(event)}\n`);
};
