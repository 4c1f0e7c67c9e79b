/**
 * Quoting for the scripts the components write: the only way a value reaches a script's text is as a literal made
 * here. Pure.
 */

/** A bash single-quoted literal; a `'` closes the quote, is escaped, and reopens it. */
export function bashLiteral(value: string): string {
    return `'${value.replaceAll("'", "'\\''")}'`;
}

/** A PowerShell single-quoted literal; PowerShell also closes quotes on the typographic single quotes, so all are doubled. */
export function powerShellLiteral(value: string): string {
    return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, "$&$&")}'`;
}
