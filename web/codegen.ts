import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen`: typed documents for the web client from the committed SDL. Components
 * write `graphql(`…`)` beside their markup; the generated `web/src/gql/` is committed so the
 * build needs no codegen step, and a stale copy fails `tsc`.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['web/src/**/*.tsx', '!web/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: { unmaskFunctionName: 'getFragmentData' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
        // A scalar nobody mapped yet is `unknown`: usable only after a deliberate check.
        defaultScalarType: 'unknown',
      },
    },
  },
};

export default config;
