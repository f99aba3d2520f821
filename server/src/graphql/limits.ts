/**
 * What one GraphQL document may ask for. Depth, cost, aliases and directives are measured by
 * graphql-armor's validation rules; tokens are counted by graphql-js while it parses
 * (`parseOptions.maxTokens` in apollo.ts), so an oversized document is never parsed whole.
 * Every refusal is a typed DomainError, so it leaves through the one error function.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { GraphQLHardening } from '../config.js';
import { commonError, type DomainError } from '../domain/errors.js';

/** Armor's `onReject` callback (its type lives in a package the hub does not depend on directly). */
type Reject = (context: ValidationContext | null, error: GraphQLError) => void;

function report(context: ValidationContext | null, error: DomainError, from?: GraphQLError) {
  context?.reportError(
    new GraphQLError(error.message, { nodes: from?.nodes, originalError: error }),
  );
}

/** Armor says `… limit of N exceeded, found M.`; the refusal names the limit and what was found. */
function refuse(
  reason: Parameters<typeof commonError>[0],
  sentence: (found: string) => string,
): Reject[] {
  return [
    (context, error) => {
      const found = /found (\d+)/.exec(error.message)?.[1] ?? 'more';
      report(context, commonError(reason, sentence(found)), error);
    },
  ];
}

/** `__schema` and `__type` refused with a typed error (Apollo's own rule names its config option). */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    const error = commonError(
      'INTROSPECTION_DISABLED',
      'Introspection is turned off on this server: __schema and __type cannot be queried. ' +
        'The schema is published as schema/schema.graphql with the hub’s source.',
    );
    context.reportError(new GraphQLError(error.message, { nodes: [node], originalError: error }));
  },
});

/** The validation rules that enforce `limits` (and turn introspection off when configured so). */
export function limitRules(limits: GraphQLHardening): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true };
  const { validationRules } = new ApolloArmor({
    maxDepth: {
      ...common,
      n: limits.maxDepth,
      flattenFragments: true,
      onReject: refuse(
        'QUERY_TOO_DEEP',
        (found) =>
          `The query nests fields ${found} levels deep; at most ${limits.maxDepth} are allowed.`,
      ),
    },
    costLimit: {
      ...common,
      maxCost: limits.maxCost,
      flattenFragments: true,
      onReject: refuse(
        'QUERY_TOO_COSTLY',
        (found) =>
          `The query asks for too much at once (cost ${found}, at most ${limits.maxCost}): ` +
          'select fewer fields or nest less, and page through lists.',
      ),
    },
    maxAliases: {
      ...common,
      n: limits.maxAliases,
      onReject: refuse(
        'TOO_MANY_ALIASES',
        (found) => `The query uses ${found} aliases; at most ${limits.maxAliases} are allowed.`,
      ),
    },
    maxDirectives: {
      ...common,
      n: limits.maxDirectives,
      onReject: refuse(
        'TOO_MANY_DIRECTIVES',
        (found) =>
          `The query uses ${found} directives; at most ${limits.maxDirectives} are allowed.`,
      ),
    },
    // graphql-js counts tokens while parsing; armor would parse every document a second time.
    maxTokens: { enabled: false },
    // Armor masks suggestions in validation errors only; `hideSuggestions` covers variables too.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return limits.introspection ? validationRules : [...validationRules, noIntrospection];
}

const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Drops graphql-js's "Did you mean …?" from document and variable errors: with introspection
 * off they would still spell out field, argument and enum names one guess at a time.
 */
export const hideSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        // Apollo wraps graphql-js's errors; the error function reads the innermost message.
        for (const error of errors) {
          let e: { message: string; originalError?: unknown } | undefined = error;
          for (; e && typeof e.message === 'string'; e = e.originalError as typeof e) {
            e.message = e.message.replace(SUGGESTION, '');
          }
        }
      },
    };
  },
};

/** graphql-js's syntax error when a document exceeds `maxTokens`, mapped by `toGraphQLError`. */
export const TOO_MANY_TOKENS = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens/;
