// Over a real stack that bundles each function on its first request, beside the invoke-local suite's builds, a first
// call can take seconds, which is not what these tests are about. `testTimeout` inside a project entry is ignored by
// Jest (it is a global option), so the e2e project sets its default here.
jest.setTimeout(30_000);
