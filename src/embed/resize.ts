// Placeholder until the iframe resizer lands; see the embed issue.
export {};
