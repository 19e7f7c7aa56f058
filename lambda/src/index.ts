// Placeholder composition root so that the build has an entry point; the lead's version replaces it.
export const handler = async (_event: unknown) => ({ version: '1.0', response: {} });
