// aws-sdk-client-mock-jest (its toHaveReceivedCommand… matchers) is imported by the few test files that use them, not
// here: loading it and sinon into every test file's module registry cost ~45 ms of CPU per file, ~5 CPU-s a run. A file
// that uses a matcher without the import fails loudly ("toHaveReceivedCommand is not a function").
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
