/** A GraphQL document carrying its result and variables types, so calls are typed end to end. */
export interface Operation<TResult, TVariables> {
  readonly query: string;
  /** Type-only brand; never set at run time. */
  readonly __types?: (v: TVariables) => TResult;
}

/** Declares a typed operation; the types come from the generated `generated.ts`. */
export function operation<TResult, TVariables>(query: string): Operation<TResult, TVariables> {
  return { query };
}

/** The result type of an operation. */
export type ResultOf<O> = O extends Operation<infer R, unknown> ? R : never;
/** The variables type of an operation. */
export type VariablesOf<O> = O extends Operation<unknown, infer V> ? V : never;
