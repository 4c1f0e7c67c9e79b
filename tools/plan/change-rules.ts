/**
 * The decision rules the change prediction applies, each with the source it was read from. They model the Pulumi
 * engine and the providers at pinned versions; they are predictions, not the engine. docs/reference/change-rules.md is
 * generated from this list (`npm run docs`). Pure.
 */

/** The versions the rules were read from. */
export const PINNED = {
    pulumi: {
        repo: "pulumi/pulumi", version: "v3.259.0", commit: "0ac56e876614aedf12771d73ef7e80959b8a6fd4",
        note: "the Pulumi CLI's engine; the newest tag read here (the SDK this project installs is 3.270.0). Line numbers are at this tag.",
    },
    azureNative: {
        repo: "pulumi/pulumi-azure-native", version: "v3.28.0", commit: "",
        note: "the version this project installs; its npm package names no commit. Read: provider/pkg/provider/diff.go at 1b99ef0b634254a11e6182e278313b0542176bc2 "
            + "and provider.go at 006a62afe453b416e5d5c98d2d91c4c7281f52f9 (v3 code); cited by function, not line.",
    },
    random: {
        repo: "pulumi/pulumi-random", version: "v4.21.1", commit: "f2d8b029d0f708bd14bad9479e016560de9c0b6d",
        note: "bridges hashicorp/terraform-provider-random v3.9.0 (f8d869dc98d90785f6c8f7131081fa5ef88f9d95), whose `keepers` use RequiresReplaceIfValuesNotNull; this project installs 4.21.2.",
    },
} as const;

export type RuleId =
    | "match-urn" | "match-alias" | "create" | "import" | "import-replacement" | "ignore-changes" | "replace-on-changes"
    | "replacement-trigger" | "replace-with" | "deleted-with" | "protect-replace" | "imported-replace" | "delete-before-replace"
    | "dependent-replace" | "delete" | "delete-protect" | "retain-on-delete" | "options-only" | "component"
    | "azure-native-url" | "azure-native-case" | "azure-native-force-new" | "azure-native-exists" | "bridged-force-new" | "uncovered-type"
    | "azure-disk-shrink" | "azure-accelerated-networking" | "azure-sql-create-only" | "refusal-stops" | "pending-delete" | "opaque-secret" | "unknown-value" | "os-disk-delete-option";

export interface Rule {
    readonly id: RuleId;
    /** The rule, in one sentence, as the prediction applies it. */
    readonly says: string;
    /** Where it was read: repository, file and lines at the pinned version, or the reason it is the prediction's own. */
    readonly source: string;
}

const ENGINE = `${PINNED.pulumi.repo}@${PINNED.pulumi.version}`;
const AZURE = `${PINNED.azureNative.repo}@${PINNED.azureNative.version}`;

export const RULES: readonly Rule[] = [
    { id: "match-urn", says: "A goal is matched with the old resource of the same URN.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:674-710, 771 (getOldResource)` },
    { id: "match-alias", says: "A goal whose URN is new is matched with an old resource through its aliases.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:621-653 (generateAliases), 674-710` },
    { id: "create", says: "A goal that matches no old resource is created.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1780-1786` },
    { id: "import", says: "A goal with an `import` id that matches no old resource is imported (read from Azure, which must match the goal's inputs).", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1113, 1201; pkg/engine/lifecycletest/import_test.go (TestImportOption, step 0)` },
    {
        id: "import-replacement",
        says: "A goal whose `import` id differs from the old resource's import id (exact, case-sensitive comparison; its id when the state has none) imports the new id and deletes the old resource at the end of the update, without checking `protect` (the old state's `retainOnDelete` still keeps it in Azure).",
        source: `${ENGINE} pkg/resource/deploy/step_generator.go:1104-1113, 1194-1200; pkg/resource/deploy/step.go:644-662 (DeleteStep.Apply); pkg/engine/lifecycletest/import_test.go (TestImportOption, step 8)`,
    },
    { id: "ignore-changes", says: "Paths in `ignoreChanges` take their old values before the diff; a path the old inputs lack is removed.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1264-1269, 3026-3048 (processIgnoreChanges); sdk/go/common/resource/properties_path.go:354-576 (Reset)` },
    {
        id: "replace-on-changes",
        says: "A path in `replaceOnChanges` replaces when it is a prefix of a changed path (`*` matches any key or index); an object that appears or disappears as a whole changes at its own path, which a longer listed path does not cover.",
        source: `${ENGINE} pkg/resource/deploy/step_generator.go:3122-3213 (applyReplaceOnChanges); sdk/go/common/resource/properties_path.go:310-342 (Contains)`,
    },
    { id: "replacement-trigger", says: "A `replacementTrigger` replaces when old and new are both set and differ; a trigger missing on either side never replaces; an unknown one always does.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1795-1815, 3625-3641 (shouldTriggerReplace); lifecycletest replacement_trigger_test.go (TestReplacementTrigger)` },
    { id: "replace-with", says: "A resource whose `replaceWith` names a resource being replaced is replaced too; a delete-first target deletes it first, in its own chain.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:2075-2122, 2893-2905, 3363-3386; lifecycletest replace_with_test.go (TestReplaceWith, TestReplaceWithDeleteBeforeReplace)` },
    { id: "deleted-with", says: "A resource whose `deletedWith` names a resource being deleted is not deleted by its provider; one being replaced is replaced too.", source: `${ENGINE} pkg/resource/deploy/step.go:603-612, 663-664; sdk/nodejs/resource.ts (deletedWith); lifecycletest pulumi_test.go (TestDeletedWith)` },
    { id: "protect-replace", says: "A replacement of a resource that is protected in the old state and in the goal is refused, and the update stops.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1953-1972; lifecycletest pulumi_test.go (TestProtect)` },
    { id: "imported-replace", says: "A replacement of a goal that still gives an `import` id is refused by `pulumi up` (a warning in preview).", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1975-2000; lifecycletest pulumi_test.go (TestImportDiff)` },
    { id: "delete-before-replace", says: "A replacement deletes first when the goal sets `deleteBeforeReplace` or the provider asks for it; otherwise it creates the new resource first.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:2044-2155; lifecycletest delete_before_replace_test.go (TestExplicitDeleteBeforeReplace)` },
    {
        id: "dependent-replace",
        says: "A delete-first replacement also replaces each dependent whose inputs that come from the replaced resource would make its provider replace it; a protected dependent (in the old state) refuses the whole replacement, in preview too.",
        source: `${ENGINE} pkg/resource/deploy/step_generator.go:2111-2122, 3220-3361 (calculateDependentReplacements); lifecycletest delete_before_replace_test.go (TestDeleteBeforeReplace, TestDBRProtect)`,
    },
    {
        id: "refusal-stops",
        says: "When pulumi up refuses a step during an update, the update stops: a resource that waits for the refused one (through an input or dependsOn) never registers, so its own step is not reached. (A preview reports the error and goes on.)",
        source: `${ENGINE} pkg/resource/deploy/step_generator.go:1963-1972 (a refused replacement bails the update); the SDK sends a registration only once its dependencies have registered`,
    },
    {
        id: "pending-delete",
        says: "A resource the state holds pending deletion (a replacement's old resource, left by an update that failed) is deleted by the next update as part of that replacement: without checking `protect`, honouring `retainOnDelete`.",
        source: `${ENGINE} pkg/resource/deploy/step_generator.go:2388-2421; lifecycletest pulumi_test.go (TestPendingDeleteOrder)`,
    },
    { id: "delete", says: "An old resource no goal matches is deleted at the end of the update.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:2326-2537 (GenerateDeletes)` },
    { id: "delete-protect", says: "Deleting a resource protected in the old state is refused.", source: `${ENGINE} pkg/resource/deploy/step.go:618-623, 644-649 (DeleteStep.Apply); lifecycletest protect_test.go (TestMultipleProtectedDeletes)` },
    { id: "retain-on-delete", says: "A resource with `retainOnDelete` in the old state leaves the stack, but its provider's delete is not called: it stays in Azure, also when the delete is part of a replacement.", source: `${ENGINE} pkg/resource/deploy/step.go:661-662 (DeleteStep.Apply); lifecycletest retain_on_delete_test.go (TestRetainOnDelete)` },
    { id: "options-only", says: "A change of `protect`, `retainOnDelete`, `ignoreChanges`, `replaceOnChanges` or `deleteBeforeReplace` alone reaches no provider: the step is the same, with the state's options updated.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1893-1923; pkg/backend/snapshot.go:252-387` },
    { id: "component", says: "A component resource has no provider: it is never updated or replaced, only created or deleted.", source: `${ENGINE} pkg/resource/deploy/step_generator.go:3247-3328 (requiresReplacement: components are never replaced)` },
    { id: "azure-native-url", says: "azure-native replaces, delete-first (it asks for delete-first on every replacement it finds itself, for a resource with an explicit name), when a parameter of the resource's URL changes (the resource's name, its parents' names, a lock's scope, the resource group).", source: `${AZURE} provider/pkg/provider/diff.go (calculateDetailedDiff); provider/pkg/provider/provider.go (Diff: deleteBeforeReplace)` },
    { id: "azure-native-case", says: "azure-native compares `location` ignoring letter case and spaces, and `resourceGroupName` ignoring letter case: a change of spelling alone is no change.", source: `${AZURE} provider/pkg/provider/diff.go (applyAzureSpecificDiff; pulumi/pulumi-azure-native#2910)` },
    { id: "azure-native-force-new", says: "azure-native replaces, delete-first, when a property it marks create-only changes: its own table (a public IP's sku, a virtual network's location) and the API spec's top-level create-only properties (a SQL VM's virtualMachineResourceId).", source: `${AZURE} provider/pkg/gen/replacement.go (forceNewMap); provider/pkg/gen/properties.go (forceNew from x-ms-mutability); Azure/azure-rest-api-specs sqlvirtualmachine 2023-10-01 sqlvm.json` },
    { id: "azure-native-exists", says: "azure-native refuses to create a resource that already exists, so a replacement the engine decides (replaceOnChanges, replacementTrigger, replaceWith) without deleteBeforeReplace, under the same URL, fails; for a disk the prediction also counts it as a data loss, because the provider's own metadata, which these rules do not read, may make it delete-first.", source: `${AZURE} provider/pkg/provider/provider.go (defaultCreate); provider/pkg/azure/client_azcore.go (CanCreate)` },
    { id: "bridged-force-new", says: "For `random` and `tls` resources every input is create-only (`keepers` included): a change replaces.", source: `${PINNED.random.repo}@${PINNED.random.version}; hashicorp/terraform-provider-random and terraform-provider-tls schemas (RequiresReplace)` },
    { id: "azure-disk-shrink", says: "Azure refuses a smaller diskSizeGB for a managed disk: the update fails at deployment.", source: "learn.microsoft.com/azure/virtual-machines/linux/expand-disks (\"shrinking an existing disk isn't supported\")" },
    {
        id: "azure-accelerated-networking",
        says: "Azure turns accelerated networking on for a NIC only while its VM (and every VM of its availability set) is stopped or deallocated: an update that turns enableAcceleratedNetworking on is refused while the VM runs, which the rules cannot see, so they predict it refused. Turning it off is an update.",
        source: "learn.microsoft.com/azure/virtual-network/manage-accelerated-networking (\"Stopped or deallocated before you can enable Accelerated Networking on any NIC\"; \"The stop or deallocate requirement is unnecessary to disable Accelerated Networking\"; azure-docs articles/virtual-network/manage-accelerated-networking.md, 01/07/2025)",
    },
    {
        id: "azure-sql-create-only",
        says: "A SQL Server's collation is chosen when it is installed, and a SQL VM registration's (serverConfigurationsManagementSettings.sqlInstanceSettings.collation) is applied when the registration is created, on a new VM; changing an installed instance's collation means dropping its user databases and rebuilding master, which no update does. azure-native updates it in place, so an update that sends a collation other than the one the registration was created with (or one where it was created with none, the image's) is predicted refused. Sending none is an update.",
        source: "Azure/azure-rest-api-specs specification/sqlvirtualmachine 2023-10-01 sqlvm.json (SQLInstanceSettings.collation); learn.microsoft.com/sql/relational-databases/collations/set-or-change-the-server-collation (\"The server collation is specified during SQL Server installation\"; changing it rebuilds the master database); learn.microsoft.com/azure/azure-sql/virtual-machines/windows/create-sql-vm-portal (collation among the SQL instance settings of a new VM)",
    },
    { id: "uncovered-type", says: "A change to a resource of a type these rules do not cover is predicted as \"cannot tell\", never guessed.", source: "the prediction's own rule" },
    { id: "opaque-secret", says: "A secret the base does not show (an export without --show-secrets, a `secure:` config value) cannot be compared: a change under it is \"cannot tell\".", source: "the prediction's own rule" },
    { id: "unknown-value", says: "A value known only at deployment (an output of a resource being created or replaced) may change: where it decides a replacement, the answer is \"cannot tell\".", source: `${ENGINE} pkg/resource/deploy/step_generator.go:1795-1803, 3272-3281 (unknowns in a diff)` },
    {
        id: "os-disk-delete-option",
        says: "A VM's OS disk made from an image is part of the VM: when the VM is deleted or replaced, Azure keeps it (detached) when its deleteOption is Detach and deletes it otherwise.",
        source: "Microsoft.Compute virtualMachines API 2024-11-01, storageProfile.osDisk.deleteOption",
    },
];

export function rule(id: RuleId): Rule {
    const found = RULES.find((r) => r.id === id);
    if (found === undefined) {
        throw new Error(`no change rule "${id}"`);
    }
    return found;
}

/**
 * The parameters of each azure-native resource's URL, for the types this library registers: a change to one is a
 * delete-first replacement (rule azure-native-url). A type not listed here is outside the rules (uncovered-type).
 */
export const AZURE_NATIVE_URL_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
    "azure-native:resources:ResourceGroup": ["resourceGroupName"],
    "azure-native:compute:VirtualMachine": ["resourceGroupName", "vmName"],
    "azure-native:compute:VirtualMachineExtension": ["resourceGroupName", "vmName", "vmExtensionName"],
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": ["resourceGroupName", "vmName", "runCommandName"],
    "azure-native:compute:VirtualMachineScaleSet": ["resourceGroupName", "vmScaleSetName"],
    "azure-native:compute:Disk": ["resourceGroupName", "diskName"],
    "azure-native:authorization:ManagementLockByScope": ["scope", "lockName"],
    "azure-native:authorization:RoleAssignment": ["scope", "roleAssignmentName"],
    "azure-native:keyvault:Secret": ["resourceGroupName", "vaultName", "secretName"],
    "azure-native:keyvault:Vault": ["resourceGroupName", "vaultName"],
    "azure-native:monitor:DataCollectionRuleAssociation": ["resourceUri", "associationName"],
    "azure-native:network:ApplicationSecurityGroup": ["resourceGroupName", "applicationSecurityGroupName"],
    "azure-native:network:BastionHost": ["resourceGroupName", "bastionHostName"],
    "azure-native:network:NatGateway": ["resourceGroupName", "natGatewayName"],
    "azure-native:network:NetworkInterface": ["resourceGroupName", "networkInterfaceName"],
    "azure-native:network:NetworkSecurityGroup": ["resourceGroupName", "networkSecurityGroupName"],
    "azure-native:network:PublicIPAddress": ["resourceGroupName", "publicIpAddressName"],
    "azure-native:network:Subnet": ["resourceGroupName", "virtualNetworkName", "subnetName"],
    "azure-native:network:VirtualNetwork": ["resourceGroupName", "virtualNetworkName"],
    "azure-native:recoveryservices:ProtectedItem": ["resourceGroupName", "vaultName", "fabricName", "containerName", "protectedItemName"],
    "azure-native:recoveryservices:ProtectionPolicy": ["resourceGroupName", "vaultName", "policyName"],
    "azure-native:recoveryservices:Vault": ["resourceGroupName", "vaultName"],
    "azure-native:sqlvirtualmachine:SqlVirtualMachine": ["resourceGroupName", "sqlVirtualMachineName"],
};

/** azure-native's own create-only properties (its forceNewMap) for the types this library registers. */
export const AZURE_NATIVE_FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
    "azure-native:resources:ResourceGroup": ["location"],
    "azure-native:network:PublicIPAddress": ["location", "publicIPAddressVersion", "publicIPPrefix", "sku"],
    "azure-native:network:VirtualNetwork": ["location"],
    // Top-level create-only properties by the API spec (x-ms-mutability create/read), which azure-native's generator
    // makes replace keys (provider/pkg/gen/properties.go): the SQL VM's VM and image offer (Microsoft.SqlVirtualMachine 2023-10-01).
    "azure-native:sqlvirtualmachine:SqlVirtualMachine": ["virtualMachineResourceId", "sqlImageOffer"],
};

/** Inputs azure-native compares ignoring letter case (and, for location, spaces). */
export const AZURE_NATIVE_CASE_INSENSITIVE: readonly string[] = ["location", "resourceGroupName"];

/** Bridged providers' types whose every input is create-only (rule bridged-force-new). */
export const FORCE_NEW_TYPES: readonly string[] = [
    "random:index/randomPassword:RandomPassword",
    "random:index/randomUuid:RandomUuid",
    "random:index/randomString:RandomString",
    "random:index/randomId:RandomId",
    "tls:index/privateKey:PrivateKey",
];
