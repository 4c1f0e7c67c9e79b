/**
 * Serves a Recorder over the SDK's own resource-monitor and engine gRPC protocols, on loopback, so the SDK's real
 * program runner (`@pulumi/pulumi/cmd/run`) can run a program in a child process exactly as under the Pulumi CLI.
 */
import * as grpc from "@grpc/grpc-js";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { GetRootResourceResponse, LogSeverity, SetRootResourceResponse, type LogRequest } from "@pulumi/pulumi/proto/engine_pb";
import { ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import type { LogEntry, Recorder } from "./recorder";

const SEVERITIES: Readonly<Record<LogSeverity, LogEntry["severity"]>> = {
    [LogSeverity.DEBUG]: "debug",
    [LogSeverity.INFO]: "info",
    [LogSeverity.WARNING]: "warning",
    [LogSeverity.ERROR]: "error",
};

type Handler = (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => void;

export interface MonitorServer {
    /** `127.0.0.1:<port>`, for both `--monitor` and `--engine`. */
    readonly address: string;
    close(): Promise<void>;
}

export async function serveRecorder(recorder: Recorder): Promise<MonitorServer> {
    const server = new grpc.Server();
    // Every monitor method the runner may call goes to the recorder (the SDK's MockMonitor methods take the request
    // and a callback; a gRPC handler takes the call and a callback).
    const forward = <Req>(method: (req: Req, cb: (err: unknown, res: unknown) => void) => unknown): Handler =>
        (call, callback) => {
            void method.call(recorder, call.request as Req, (err, res) => callback(err as grpc.ServiceError | null, res));
        };
    server.addService(ResourceMonitorService, {
        supportsFeature: forward(recorder.supportsFeature),
        getDeploymentInfo: forward(recorder.getDeploymentInfo),
        invoke: forward(recorder.invoke),
        readResource: forward(recorder.readResource),
        registerResource: forward(recorder.registerResource),
        registerResourceOutputs: forward(recorder.registerResourceOutputs),
        registerPackage: forward(recorder.registerPackage),
        signalAndWaitForShutdown: ((_call, callback) => callback(null, new Empty())) as Handler,
    });
    let root = "";
    server.addService(EngineService, {
        log: ((call, callback) => {
            const req = call.request as LogRequest;
            recorder.logs.push({ severity: SEVERITIES[req.getSeverity()], message: req.getMessage(), urn: req.getUrn() });
            callback(null, new Empty());
        }) as Handler,
        getRootResource: ((_call, callback) => callback(null, new GetRootResourceResponse().setUrn(root))) as Handler,
        setRootResource: ((call, callback) => {
            root = (call.request as { getUrn(): string }).getUrn();
            callback(null, new SetRootResourceResponse());
        }) as Handler,
    });
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))));
    return {
        address: `127.0.0.1:${port}`,
        close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
    };
}
