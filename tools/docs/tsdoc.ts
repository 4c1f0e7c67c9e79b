/**
 * The library's public API as the TypeScript compiler sees it: every component class, its arguments and outputs, and
 * every exported argument interface, with their TSDoc (summary and `@default`). Read from components/index.ts with the
 * project's compiler options, so the reference pages say exactly what a stack author's editor says.
 */
import * as path from "node:path";
import * as ts from "typescript";

export interface DocumentedProperty {
    readonly name: string;
    readonly optional: boolean;
    /** The type as a reader writes it; a union of string literals is spelled out (`"None" | "ReadOnly"`). */
    readonly type: string;
    readonly summary: string;
    /** The `@default` text, if any. */
    readonly defaultText: string | undefined;
}

export interface DocumentedInterface {
    readonly name: string;
    readonly summary: string;
    readonly properties: readonly DocumentedProperty[];
}

export interface DocumentedComponent {
    readonly name: string;
    readonly summary: string;
    /** The Pulumi type token (`azure-persistent-vm:index:LinuxVm`). */
    readonly typeToken: string | undefined;
    /** The name of the constructor's `args` type. */
    readonly argsType: string;
    /** Public readonly properties: what the component exposes. */
    readonly outputs: readonly DocumentedProperty[];
}

export interface PublicApi {
    readonly components: readonly DocumentedComponent[];
    /** Exported interfaces, by name. */
    readonly interfaces: ReadonlyMap<string, DocumentedInterface>;
}

function text(parts: readonly ts.SymbolDisplayPart[]): string {
    return ts.displayPartsToString([...parts]).replace(/\s*\n\s*/g, " ").trim();
}

function typeText(checker: ts.TypeChecker, type: ts.Type): string {
    const members = type.isUnion() ? type.types : [type];
    const defined = members.filter((t) => (t.flags & ts.TypeFlags.Undefined) === 0);
    if (defined.length > 1 && defined.every((t) => t.isStringLiteral())) {
        return defined.map((t) => JSON.stringify((t as ts.StringLiteralType).value)).join(" | ");
    }
    const shown = defined.length === 1 && defined[0] !== undefined ? defined[0] : type;
    return checker.typeToString(shown, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope)
        .replace(/\bpulumi\./g, "");
}

function property(checker: ts.TypeChecker, symbol: ts.Symbol, at: ts.Node): DocumentedProperty {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    const type = checker.getTypeOfSymbolAtLocation(symbol, declaration ?? at);
    const defaultTag = symbol.getJsDocTags(checker).find((tag) => tag.name === "default");
    return {
        name: symbol.name,
        optional,
        // An optional argument's `| undefined` says only that it is optional, which the page says otherwise.
        type: typeText(checker, optional ? checker.getNonNullableType(type) : type),
        summary: text(symbol.getDocumentationComment(checker)),
        defaultText: defaultTag?.text !== undefined ? text(defaultTag.text) : undefined,
    };
}

/** Reads the public API from `<repo>/components/index.ts`. */
export function readPublicApi(repo: string): PublicApi {
    const configPath = path.join(repo, "tsconfig.json");
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const entry = path.join(repo, "components", "index.ts");
    const program = ts.createProgram({ rootNames: [entry], options: { ...parsed?.options, noEmit: true } });
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(entry);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (source === undefined || moduleSymbol === undefined) {
        throw new Error(`cannot read ${entry}`);
    }
    const exports = checker.getExportsOfModule(moduleSymbol).map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s));
    const interfaces = new Map<string, DocumentedInterface>();
    const components: DocumentedComponent[] = [];
    const tokens = new Map<string, string>();
    for (const symbol of exports) {
        const declaration = symbol.declarations?.[0];
        if (declaration === undefined) {
            continue;
        }
        if (ts.isInterfaceDeclaration(declaration)) {
            const type = checker.getDeclaredTypeOfSymbol(symbol);
            interfaces.set(symbol.name, {
                name: symbol.name,
                summary: text(symbol.getDocumentationComment(checker)),
                properties: checker.getPropertiesOfType(type).map((p) => property(checker, p, declaration)),
            });
        }
        if (ts.isVariableDeclaration(declaration) && /_TYPE$/.test(symbol.name) && declaration.initializer !== undefined && ts.isStringLiteral(declaration.initializer)) {
            tokens.set(declaration.initializer.text.split(":").pop() ?? "", declaration.initializer.text);
        }
    }
    for (const symbol of exports) {
        const declaration = symbol.declarations?.[0];
        if (declaration === undefined || !ts.isClassDeclaration(declaration)) {
            continue;
        }
        const constructor = declaration.members.find(ts.isConstructorDeclaration);
        const args = constructor?.parameters.find((p) => p.name.getText() === "args");
        if (args?.type === undefined) {
            continue;
        }
        const instance = checker.getDeclaredTypeOfSymbol(symbol);
        const outputs = checker.getPropertiesOfType(instance)
            .filter((p) => {
                const d = p.valueDeclaration;
                const flags = d === undefined ? 0 : ts.getCombinedModifierFlags(d);
                // The component's own public properties, not those every Pulumi resource has (urn).
                return d !== undefined && (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0 && (flags & ts.ModifierFlags.Readonly) !== 0
                    && !d.getSourceFile().fileName.includes("node_modules");
            })
            .map((p) => property(checker, p, declaration));
        components.push({
            name: symbol.name,
            summary: text(symbol.getDocumentationComment(checker)),
            typeToken: tokens.get(symbol.name),
            argsType: args.type.getText(),
            outputs,
        });
    }
    return { components, interfaces };
}
