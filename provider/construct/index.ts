/** Every component the plugin serves, by type token. */
import { backupVault } from "./backup";
import { vmNetwork } from "./network";
import { linuxScaleSet, windowsScaleSet } from "./scale-set";
import type { Served } from "./served";
import { domainController } from "./domain-controller";
import { sqlServerVm } from "./sql-server";
import { linuxVm, windowsVm } from "./vm";

export const SERVED: readonly Served[] = [linuxVm, windowsVm, sqlServerVm, domainController, linuxScaleSet, windowsScaleSet, vmNetwork, backupVault];
