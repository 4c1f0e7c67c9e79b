/**
 * What the schema generator (schema.ts) reads from the TypeScript sources, with the compiler: the descriptions, and
 * the order of each enum's values.
 *
 * Descriptions come from the TSDoc of the TypeScript the contracts stand for, because the contracts carry none of it.
 * Each contract is paired with its TypeScript counterpart by walking both at once: a component's contract class and
 * args with the TypeScript class and args, then each field's type with the TypeScript field's type, down through every
 * object type they use. So `DataDisk.lun` is described by `DataDiskArgs.lun` (inherited fields included), and a type
 * TypeScript leaves inline (`safeModePasswordVault`) is still paired. The contract's own TSDoc is used only where the
 * TypeScript has none: the substitutes, which exist in the contract alone (`lastGuestStepUrn`, `waitFor`).
 */
import * as path from "node:path";
import * as ts from "typescript";

/** A field's description, by `Owner.field`, where Owner is a component (`LinuxVm`) or an object type (`DataDisk`). */
export type FieldDescriptions = ReadonlyMap<string, string | undefined>;

export interface SchemaSources {
    /** Descriptions of the components and object types, by name (`LinuxVm`, `DataDisk`); undefined where none has one. */
    readonly types: ReadonlyMap<string, string | undefined>;
    /** The components' inputs (`LinuxVm.size`) and the object types' fields (`DataDisk.lun`). */
    readonly inputs: FieldDescriptions;
    /** The components' outputs (`LinuxVm.vmId`). */
    readonly outputs: FieldDescriptions;
    /** An enum's description: the TypeScript type's, or the list it is read from (`DISK_SKUS`), or the contract's. */
    enumDescription(name: string): string | undefined;
    /** An enum's values in the order the contract declares them, or undefined if no contract declares it. */
    enumOrder(name: string): readonly (string | number)[] | undefined;
}

/** The paths, relative to the repository, of the library's public entry and the contracts' entry. */
export const LIBRARY_ENTRY = "components/index.ts";
export const CONTRACTS_ENTRY = "provider/contracts/index.ts";

/** Reads the sources of the components named (`LinuxVm`, ...), with the repository's compiler options. */
export function readSchemaSources(repo: string, components: readonly string[]): SchemaSources {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(repo, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const rootNames = [LIBRARY_ENTRY, CONTRACTS_ENTRY].map((entry) => path.join(repo, entry));
    const program = ts.createProgram({ rootNames, options: { ...parsed?.options, noEmit: true } });
    return new Reader(program, rootNames).read(components);
}

class Reader {
    private readonly checker: ts.TypeChecker;
    private readonly library: ReadonlyMap<string, ts.Symbol>;
    private readonly contracts: ReadonlyMap<string, ts.Symbol>;
    private readonly types = new Map<string, string | undefined>();
    private readonly inputs = new Map<string, string | undefined>();
    private readonly outputs = new Map<string, string | undefined>();

    constructor(private readonly program: ts.Program, [libraryEntry, contractsEntry]: readonly string[]) {
        this.checker = program.getTypeChecker();
        this.library = this.exportsOf(libraryEntry);
        this.contracts = this.exportsOf(contractsEntry);
    }

    read(components: readonly string[]): SchemaSources {
        for (const name of components) {
            this.component(name);
        }
        return {
            types: this.types,
            inputs: this.inputs,
            outputs: this.outputs,
            enumDescription: (name) => this.enumDescription(name),
            enumOrder: (name) => this.enumOrder(name),
        };
    }

    private exportsOf(file: string | undefined): ReadonlyMap<string, ts.Symbol> {
        const source = file === undefined ? undefined : this.program.getSourceFile(file);
        const module = source === undefined ? undefined : this.checker.getSymbolAtLocation(source);
        if (module === undefined) {
            throw new Error(`cannot read ${file}`);
        }
        return new Map(this.checker.getExportsOfModule(module).map((s) => [s.name, this.resolved(s)]));
    }

    private resolved(symbol: ts.Symbol): ts.Symbol {
        return symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
    }

    /** A component: the contract class and its args, paired with the TypeScript class and its args. */
    private component(name: string): void {
        const contract = this.contracts.get(name);
        const library = this.library.get(name);
        if (contract === undefined) {
            throw new Error(`${CONTRACTS_ENTRY} exports no ${name}`);
        }
        this.types.set(name, this.doc(library) ?? this.doc(contract));
        this.fields(this.argsType(contract), library === undefined ? undefined : this.argsType(library), name, this.inputs);
        const contractClass = this.checker.getDeclaredTypeOfSymbol(contract);
        const libraryClass = library === undefined ? undefined : this.checker.getDeclaredTypeOfSymbol(library);
        // The outputs are the fields the contract class declares itself, not those every component has (urn).
        const declared = contractClass.getProperties().filter((p) => p.valueDeclaration?.parent === contract.valueDeclaration);
        this.pairFields(declared, libraryClass, name, this.outputs);
    }

    private argsType(cls: ts.Symbol): ts.Type | undefined {
        const declaration = cls.valueDeclaration;
        const constructor = declaration !== undefined && ts.isClassDeclaration(declaration) ? declaration.members.find(ts.isConstructorDeclaration) : undefined;
        const args = constructor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === "args");
        return args?.type === undefined ? undefined : this.checker.getTypeFromTypeNode(args.type);
    }

    private fields(contract: ts.Type | undefined, library: ts.Type | undefined, owner: string, into: Map<string, string | undefined>): void {
        if (contract !== undefined) {
            this.pairFields(contract.getProperties(), library, owner, into);
        }
    }

    private pairFields(fields: readonly ts.Symbol[], library: ts.Type | undefined, owner: string, into: Map<string, string | undefined>): void {
        for (const field of fields) {
            const counterpart = library === undefined ? undefined : this.checker.getPropertyOfType(library, field.name);
            into.set(`${owner}.${field.name}`, this.doc(counterpart) ?? this.doc(field));
            this.pairTypes(this.typeOf(field), counterpart === undefined ? undefined : this.typeOf(counterpart));
        }
    }

    /** An object type of the contract (an interface: the analyzer names a schema type after it) and its counterpart. */
    private pairTypes(contract: ts.Type, library: ts.Type | undefined): void {
        const held = this.held(contract);
        const symbol = held.getSymbol();
        if (!held.isClassOrInterface() || symbol === undefined || this.types.has(symbol.name)) {
            return;
        }
        const counterpart = library === undefined ? undefined : this.held(library);
        this.types.set(symbol.name, this.typeDoc(counterpart) ?? this.doc(symbol));
        this.fields(held, counterpart, symbol.name, this.inputs);
    }

    /** A TypeScript type's TSDoc; for `Partial<SizeFacts>` and the like, the type argument's. */
    private typeDoc(type: ts.Type | undefined): string | undefined {
        if (type === undefined) {
            return undefined;
        }
        return this.doc(type.aliasSymbol) ?? this.doc(type.getSymbol()) ?? (type.aliasTypeArguments ?? []).map((t) => this.typeDoc(t)).find((d) => d !== undefined);
    }

    private typeOf(symbol: ts.Symbol): ts.Type {
        const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
        return declaration === undefined ? this.checker.getTypeOfSymbol(symbol) : this.checker.getTypeOfSymbolAtLocation(symbol, declaration);
    }

    /**
     * The type a field holds once what the schema says elsewhere is taken off: undefined (optional), `Input<T>` (`T |
     * Promise<T> | OutputInstance<T>`), `Output<T>` (`OutputInstance<T> & Lifted<T>`), arrays and string-keyed maps.
     */
    private held(type: ts.Type): ts.Type {
        const defined = this.checker.getNonNullableType(type);
        if (defined.isUnion()) {
            const plain = defined.types.filter((t) => this.wrapped(t) === undefined);
            const only = plain.length === 1 ? plain[0] : undefined;
            return only !== undefined && plain.length < defined.types.length ? this.held(only) : defined;
        }
        const inner = this.wrapped(defined) ?? this.element(defined);
        return inner === undefined ? defined : this.held(inner);
    }

    private wrapped(type: ts.Type): ts.Type | undefined {
        for (const part of type.isIntersection() ? type.types : [type]) {
            const name = part.getSymbol()?.name;
            if (name === "Promise" || name === "OutputInstance") {
                return this.checker.getTypeArguments(part as ts.TypeReference)[0];
            }
        }
        return undefined;
    }

    private element(type: ts.Type): ts.Type | undefined {
        if (this.checker.isArrayType(type)) {
            return this.checker.getTypeArguments(type as ts.TypeReference)[0];
        }
        const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
        return index !== undefined && type.getProperties().length === 0 ? index.type : undefined;
    }

    private enumDescription(name: string): string | undefined {
        const library = this.library.get(name);
        const contract = this.contracts.get(name);
        return this.doc(library) ?? this.doc(this.listOf(library)) ?? this.doc(contract);
    }

    /** The value list a TypeScript enum type is read from: `DISK_SKUS` in `type DiskSku = (typeof DISK_SKUS)[number]`. */
    private listOf(alias: ts.Symbol | undefined): ts.Symbol | undefined {
        const declaration = alias?.declarations?.find(ts.isTypeAliasDeclaration);
        let list: ts.Symbol | undefined;
        const visit = (node: ts.Node): void => {
            if (ts.isTypeQueryNode(node)) {
                const symbol = this.checker.getSymbolAtLocation(node.exprName);
                list ??= symbol === undefined ? undefined : this.resolved(symbol);
            }
            ts.forEachChild(node, visit);
        };
        if (declaration !== undefined) {
            visit(declaration.type);
        }
        return list;
    }

    /** The values of a contract's `as const` enum object, in declaration order. */
    private enumOrder(name: string): readonly (string | number)[] | undefined {
        const declaration = this.contracts.get(name)?.declarations?.find(ts.isVariableDeclaration);
        let initializer = declaration?.initializer;
        if (initializer !== undefined && ts.isAsExpression(initializer)) {
            initializer = initializer.expression;
        }
        if (initializer === undefined || !ts.isObjectLiteralExpression(initializer)) {
            return undefined;
        }
        return initializer.properties.filter(ts.isPropertyAssignment).map((p) => {
            const value = p.initializer;
            return ts.isNumericLiteral(value) ? Number(value.text) : ts.isStringLiteral(value) ? value.text : value.getText();
        });
    }

    /**
     * A symbol's TSDoc as Markdown: its summary and, when it has one, its `@default` as a last paragraph. Nothing from
     * outside the repository (the SDK's or TypeScript's own declarations, such as `Readonly`'s).
     */
    private doc(symbol: ts.Symbol | undefined): string | undefined {
        const ours = symbol?.declarations?.some((d) => {
            const file = d.getSourceFile();
            return !this.program.isSourceFileDefaultLibrary(file) && !this.program.isSourceFileFromExternalLibrary(file) && !file.fileName.includes("/node_modules/");
        });
        if (symbol === undefined || ours !== true) {
            return undefined;
        }
        const summary = ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim();
        const fallback = symbol.getJsDocTags(this.checker).find((tag) => tag.name === "default");
        const defaultText = fallback?.text === undefined ? "" : ts.displayPartsToString(fallback.text).trim();
        const text = [summary, defaultText === "" ? "" : `Default: ${defaultText}`].filter((part) => part !== "").join("\n\n");
        return text === "" ? undefined : text;
    }
}
