/**
 * The plugin's entry point. The nodejs language host starts it with the SDK's `run-plugin`, which requires this file
 * and awaits what it exports when that is not a component class: the provider's gRPC server, which prints its port.
 */
import { main } from "@pulumi/pulumi/provider";
import { PersistentVmProvider } from "./provider";

export = main(new PersistentVmProvider(), process.argv.slice(2));
