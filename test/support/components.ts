/** Helpers for in-process component tests. */
import { type PersistentVm } from "../../components/internal";
import { allRegistered, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";

/** Waits until every child of a VM component has been registered, including those that wait for the VM's outputs. */
export async function settled(vm: PersistentVm): Promise<void> {
    await Promise.all([valueOf(vm.vmId), valueOf(vm.dataDiskIds), valueOf(vm.privateIpAddress), valueOf(vm.urn)]);
    await allRegistered();
}

/** The children registered under a component, as `type::name`, sorted. */
export function childrenOf(recorder: Recorder, parentUrn: string): string[] {
    return recorder.registrations.filter((r) => r.parent === parentUrn).map((r) => `${r.type}::${r.name}`).sort();
}

/** Registrations whose name starts with a prefix (a component's name and its children's). */
export function named(recorder: Recorder, prefix: string): Registration[] {
    return recorder.registrations.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
}
