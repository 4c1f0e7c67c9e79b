// @ts-check
// Preloaded with NODE_OPTIONS="--require <this file>" (so every Node child inherits it): refuses, and logs to
// $NO_NETWORK_LOG, every connection or name lookup that is not to 127.0.0.1, ::1 or localhost. It throws before the
// real connect or lookup runs, so a refused attempt sends nothing.
"use strict";
const fs = require("node:fs");
const net = require("node:net");
const dns = require("node:dns");
const dgram = require("node:dgram");

const ALLOWED = new Set(["127.0.0.1", "::1", "localhost"]);

/** @param {string} what */
function refuse(what) {
    const log = process.env.NO_NETWORK_LOG;
    if (log) {
        fs.appendFileSync(log, `${JSON.stringify({ pid: process.pid, what })}\n`);
    }
    throw new Error(`network access refused by the test guard: ${what}`);
}

const connect = net.Socket.prototype.connect;
/** @param {...any} args */
net.Socket.prototype.connect = function (...args) {
    // Node passes (options, cb), (port, host, cb), (path, cb) or, internally, [options, cb] as one array.
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const options = typeof first === "object" && first !== null ? first : typeof first === "number" ? { port: first, host: args[1] } : { path: first };
    if (!options.path && !ALLOWED.has(String(options.host ?? "localhost"))) {
        refuse(`connect ${String(options.host)}:${String(options.port)}`);
    }
    return connect.apply(this, args);
};

const lookup = dns.lookup;
/** @param {...any} args */
dns.lookup = function (...args) {
    if (!ALLOWED.has(String(args[0]))) {
        refuse(`dns lookup ${String(args[0])}`);
    }
    return lookup.apply(this, /** @type {any} */ (args));
};

const send = dgram.Socket.prototype.send;
/** @param {...any} args */
dgram.Socket.prototype.send = function (...args) {
    refuse("udp send");
    return send.apply(this, args);
};
