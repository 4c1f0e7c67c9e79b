/**
 * The Pulumi type tokens are frozen: a stack's URNs are built from them, so a changed token would make `pulumi up`
 * replace every component of every stack that uses the package. They stay `azure-persistent-vm:index:<Component>`
 * whatever the npm package is called (a Pulumi package name cannot be scoped). This file fixes each token, checks that
 * the public entry exports no other, and that each component registers under its own.
 * Not proved here: what the Pulumi engine does with a changed token (no engine here); the golden plans
 * (test/tools/golden-plans.test.ts) hold the URNs of a release's stacks.
 */
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import * as library from "../../components";
import { allRegistered, installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";
import { SUBNET_ID } from "../support/fixtures";

/** Component name -> its token, as released. Change nothing here: add a row for a new component. */
const FROZEN: Readonly<Record<string, string>> = {
    BackupVault: "azure-persistent-vm:index:BackupVault",
    DomainController: "azure-persistent-vm:index:DomainController",
    LinuxScaleSet: "azure-persistent-vm:index:LinuxScaleSet",
    LinuxVm: "azure-persistent-vm:index:LinuxVm",
    SharePointFarm: "azure-persistent-vm:index:SharePointFarm",
    SqlServerVm: "azure-persistent-vm:index:SqlServerVm",
    VmNetwork: "azure-persistent-vm:index:VmNetwork",
    WindowsScaleSet: "azure-persistent-vm:index:WindowsScaleSet",
    WindowsVm: "azure-persistent-vm:index:WindowsVm",
};

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

describe("GIVEN the package's public entry WHEN a stack reads its type token constants", () => {
    it("THEN there are exactly the nine released tokens, each with its released value", () => {
        const exported = Object.entries(library)
            .filter(([name, value]) => name.endsWith("_TYPE") && typeof value === "string")
            .map(([name, value]) => [name, value]);
        expect(Object.fromEntries(exported)).toStrictEqual({
            BACKUP_VAULT_TYPE: FROZEN["BackupVault"],
            DOMAIN_CONTROLLER_TYPE: FROZEN["DomainController"],
            LINUX_SCALE_SET_TYPE: FROZEN["LinuxScaleSet"],
            LINUX_VM_TYPE: FROZEN["LinuxVm"],
            SHAREPOINT_FARM_TYPE: FROZEN["SharePointFarm"],
            SQL_SERVER_VM_TYPE: FROZEN["SqlServerVm"],
            VM_NETWORK_TYPE: FROZEN["VmNetwork"],
            WINDOWS_SCALE_SET_TYPE: FROZEN["WindowsScaleSet"],
            WINDOWS_VM_TYPE: FROZEN["WindowsVm"],
        });
    });
});

describe("GIVEN one of each component WHEN a stack declares them", () => {
    const rg = { resourceGroupName: "rg", location: "westeurope" };
    const vm = { ...rg, subnetId: SUBNET_ID, size: "Standard_D2s_v5" };
    /** Component -> the name it is declared with and how. */
    const DECLARE: Readonly<Record<string, readonly [string, (name: string) => pulumi.ComponentResource]>> = {
        BackupVault: ["tok-vault", (name) => new library.BackupVault(name, rg)],
        DomainController: ["tok-dc", (name) => new library.DomainController(name, {
            ...vm, privateIpAddress: "10.42.1.4", domainName: "corp.contoso.com", safeModePassword: pulumi.secret("Tok3n^Safe&Mode%test"),
        })],
        LinuxScaleSet: ["tok-lss", (name) => new library.LinuxScaleSet(name, { ...vm, instanceCount: 2 })],
        LinuxVm: ["tok-lvm", (name) => new library.LinuxVm(name, vm)],
        SqlServerVm: ["tok-sql", (name) => new library.SqlServerVm(name, { ...vm, size: "Standard_E4ds_v5", sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128 } })],
        SharePointFarm: ["tok-farm", (name) => {
            const dcArgs = { ...vm, privateIpAddress: "10.42.1.5", domainName: "corp.contoso.com", safeModePassword: pulumi.secret("Tok3n^Safe&Mode%test") };
            const dc = new library.DomainController(`${name}dc`, dcArgs);
            const domainJoin = { domainName: "corp.contoso.com", user: "CORP\\joiner", password: pulumi.secret("Tok3n-Join-Passw0rd"), dependsOn: [dc.ready] };
            const sqlArgs = { ...vm, size: "Standard_E4ds_v5", domainJoin, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, instanceSettings: { maxDop: 1 } } };
            const spArgs = { ...vm, size: "Standard_E4s_v5", domainJoin };
            return new library.SharePointFarm(name, {
                ...rg, production: false, outbound: "natGateway", installSource: { microsoftDownload: true },
                domainController: { component: dc, args: dcArgs },
                sqlServer: { component: new library.SqlServerVm(`${name}sql`, sqlArgs), args: sqlArgs },
                sharePointServer: { component: new library.WindowsVm(`${name}sp`, spArgs), args: spArgs },
            });
        }],
        VmNetwork: ["tok-net", (name) => new library.VmNetwork(name, { ...rg, addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" })],
        WindowsScaleSet: ["tok-wss", (name) => new library.WindowsScaleSet(name, { ...vm, instanceCount: 2 })],
        WindowsVm: ["tok-wvm", (name) => new library.WindowsVm(name, vm)],
    };
    const urns = new Map<string, string>();

    beforeAll(async () => {
        for (const [component, [name, declare]] of Object.entries(DECLARE)) {
            urns.set(component, await valueOf(declare(name).urn));
        }
        await allRegistered();
    });

    it.each(Object.entries(FROZEN))("THEN a %s registers under %s, which its URN carries", (component, token) => {
        const name = DECLARE[component]?.[0];
        const urn = urns.get(component);
        expect(recorder.registrations.find((r) => r.urn === urn)?.type).toBe(token);
        expect(urn).toBe(`urn:pulumi:test::azure-persistent-vm::${token}::${name}`);
    });
});
