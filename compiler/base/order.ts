/**
 * The one ordering of text in Stepwright's output: by UTF-16 code unit, as `<` compares strings.
 * Never `localeCompare`: the locale would change the bytes of a build (and Terraform labels with them).
 */
export function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
