/** A UTF-16 surrogate with no partner (half of a character cut in two): no UTF-8 text can hold it. */
export const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
