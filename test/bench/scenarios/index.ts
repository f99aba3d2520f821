/** Every scenario of `npm run bench`, in the order they run (README "Benchmarks"). */
export const SCENARIOS: { key: string; title: string; file: string }[] = [
  { key: 'graphql', title: '1. GraphQL overhead', file: 'graphql-overhead.ts' },
  { key: 'intake', title: '2. Feedback intake', file: 'intake.ts' },
  { key: 'writes', title: '3. Writes: bulk import', file: 'writes.ts' },
  { key: 'analytics', title: '4. Analytics at scale', file: 'analytics.ts' },
  { key: 'workflows', title: '5. Workflows at 1,000 open initiatives', file: 'workflows.ts' },
  { key: 'scaleout', title: '7. Scale-out on the production shape', file: 'scale-out.ts' },
];
