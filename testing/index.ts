/**
 * `azure-persistent-vm/testing`: unit-test your own stack offline. Run your Pulumi program (or a function that
 * declares resources) under the recorder that `azure-persistent-vm plan` uses, read every registration with its
 * inputs, its resource options (protect, retainOnDelete, deleteBeforeReplace, ignoreChanges, replaceOnChanges,
 * dependencies) and where its secrets are, and check the stack with `everyDiskProtected` and
 * `noNsgOpensSshToAnyone`. No Azure, no Pulumi CLI, no state: what is proved is what `pulumi preview` would send the
 * engine, not what Azure or the engine's diff would do with it. docs/testing-your-stack.md shows a complete test.
 * Re-exports only.
 */
export { runProgram, runProgramInChildProcess, runFunction, ProgramError, type ProgramOptions, type InProcessProgramOptions, type FunctionOptions } from "./run";
export {
    SECRET_MARKER, UNKNOWN_MARKER, childrenOf, findResource, resourcesOfType,
    type RecordedOptions, type RecordedResource, type RecordedLog, type StackRun,
} from "./recorded";
export {
    DISK_TYPE, NSG_TYPE, SCALE_SET_TYPE, SECURITY_RULE_TYPE, VM_TYPE,
    everyDiskProtected, noNsgOpensPortToAnyone, noNsgOpensRdpToAnyone, noNsgOpensSshToAnyone,
    type Finding, type NsgCheckOptions,
} from "./checks";
