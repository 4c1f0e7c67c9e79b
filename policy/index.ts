/**
 * The pack's entry point, which the Pulumi CLI runs: `pulumi preview --policy-pack policy`. Constructing the
 * PolicyPack starts the analyzer server, so this file holds nothing else; the policies are in rules.ts.
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICIES, STACK_POLICIES } from "./rules";

new PolicyPack("azure-persistent-vm", {
    description: "Secure defaults and durability rules of azure-persistent-vm, for any stack's azure-native resources.",
    policies: [...POLICIES, ...STACK_POLICIES],
});
