/**
 * The plan command run from the sources (ts-node), as the tests that predate the package's command start it:
 * `node --require ts-node/register/transpile-only tools/plan/cli.ts [FOLDER] [options]` takes what
 * `azure-persistent-vm plan` takes (tools/plan/command.ts). Users run the command (cli/azure-persistent-vm.ts, built
 * to dist/), or `npm run plan` in this repository.
 */
import { runPlanCommand } from "./command";

runPlanCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
});
