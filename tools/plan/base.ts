/**
 * What `--changes-from BASE` compares the plan with: a file (a `pulumi stack export` or a saved plan, told apart by
 * content) or else a git revision of the project, as ResourceStates. Messages never quote a file's content: a stack
 * export or a saved plan may hold secrets.
 */
import * as fs from "node:fs";
import { planGitRef } from "./git-base";
import type { ResourceState } from "./resource-state";
import { loadSavedPlan } from "./saved-plan";
import { loadStackExport } from "./stack-export";
import { statesOfRun } from "./state-of-run";

export interface Base {
    readonly ok: true;
    readonly kind: "stack-export" | "saved-plan" | "git-ref";
    /** What the base is, for the report's heading: `stack export state.json`, `git revision main (0123456789ab)`. */
    readonly description: string;
    readonly resources: readonly ResourceState[];
    /** Stack export only: resources the state already holds for deletion. */
    readonly pending: readonly ResourceState[];
    /** Saved plan only: the salt of its digests, to digest the current plan's secrets with. */
    readonly salt?: string;
    /** Stack export only: the subscription the resources' ids name, for the recorder's placeholder subscription. */
    readonly subscriptionId?: string;
    /** Whether the base's secrets are plain values: a git revision, or a stack export with `--show-secrets`. */
    readonly secretsShown: boolean;
}

export type BaseOutcome = Base | { readonly ok: false; readonly message: string };

export interface BaseOptions {
    /** The project being planned (the git revision is planned in the same folder). */
    readonly projectDir: string;
    readonly stack: string;
    readonly verbose?: boolean;
}

/** A JSON file's content, or that it is not JSON: never the parser's message, which quotes the text. */
function readJson(file: string): { ok: true; json: unknown } | { ok: false; message: string } {
    try {
        return { ok: true, json: JSON.parse(fs.readFileSync(file, "utf8")) as unknown };
    } catch {
        return { ok: false, message: `${file} is not JSON; --changes-from reads a stack export (pulumi stack export --file FILE) or a saved plan (npm run plan -- --json --out FILE)` };
    }
}

function isObject(v: unknown): v is Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}

function fromFile(file: string): BaseOutcome {
    const read = readJson(file);
    if (!read.ok) {
        return read;
    }
    const json = read.json;
    if (isObject(json) && "deployment" in json) {
        const loaded = loadStackExport(json);
        if (!loaded.ok) {
            return { ok: false, message: `${file}: ${loaded.message}` };
        }
        return {
            ok: true,
            kind: "stack-export",
            description: `stack export ${file}`,
            resources: loaded.resources,
            pending: loaded.pending,
            ...(loaded.subscriptionId !== undefined ? { subscriptionId: loaded.subscriptionId } : {}),
            secretsShown: loaded.secretsShown,
        };
    }
    if (isObject(json) && ("formatVersion" in json || ("resources" in json && "project" in json && "stack" in json))) {
        const loaded = loadSavedPlan(json);
        if (!loaded.ok) {
            return { ok: false, message: `${file}: ${loaded.message}` };
        }
        return {
            ok: true,
            kind: "saved-plan",
            description: `saved plan ${file} (stack "${loaded.stack}" of project "${loaded.project}")`,
            resources: loaded.resources,
            pending: [],
            salt: loaded.salt,
            secretsShown: false,
        };
    }
    return {
        ok: false,
        message: `${file} is neither a stack export (pulumi stack export --file FILE) nor a saved plan (npm run plan -- --json --out FILE)`,
    };
}

/** The base `spec` names: an existing file (by its content), otherwise a git revision of the project's repository. */
export async function loadBase(spec: string, options: BaseOptions): Promise<BaseOutcome> {
    if (fs.existsSync(spec)) {
        if (!fs.statSync(spec).isFile()) {
            return { ok: false, message: `${spec} is a folder; --changes-from takes a stack export, a saved plan or a git revision` };
        }
        return fromFile(spec);
    }
    const planned = await planGitRef(spec, options);
    if (!planned.ok) {
        return planned;
    }
    return {
        ok: true,
        kind: "git-ref",
        description: `git revision ${spec} (${planned.commit.slice(0, 12)})`,
        resources: statesOfRun(planned.outcome.run, { mode: "plain" }),
        pending: [],
        secretsShown: true,
    };
}
