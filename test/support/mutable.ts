/** A deep-mutable copy type, for tests that change a readonly model in place (after structuredClone). */
export type Mutable<T> = T extends string | number | bigint | boolean | undefined
  ? T
  : T extends readonly (infer U)[]
    ? Mutable<U>[]
    : { -readonly [K in keyof T]: Mutable<T[K]> };
