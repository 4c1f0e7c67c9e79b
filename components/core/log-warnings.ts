/**
 * How a component says what its rules could not check (a fact the tables do not know): one warning a line, in the
 * words of its errors, `LinuxVm "web01": size ...`, shown by `pulumi preview` and the offline plan.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Problem } from "./problems";

/** Logs each of a plan's warnings against the component, named by its type's last part and its name. */
export function logWarnings(component: pulumi.Resource, type: string, name: string, warnings: readonly Problem[]): void {
    for (const warning of warnings) {
        void pulumi.log.warn(`${type.split(":").pop() ?? type} "${name}": ${warning.path} ${warning.message}`, component);
    }
}
