import { ADDRCONFIG, type LookupAddress, type LookupOptions } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import { Agent, buildConnector, fetch as undiciFetch } from "undici";
import { ipLiteral, nonPublicReason, privateAddressRefused } from "./public-address.ts";

/**
 * The fetch vendor calls go through. A workspace admin chooses the base URL, so without a guard
 * the worker would call whatever it names: the cloud metadata service, a database port on the
 * internal network. The check runs where the socket is opened, after DNS: a public name that
 * resolves to 10.x (or starts to, between save and use) is refused as surely as a literal 10.x.
 *
 * Built on the undici package's own fetch and Agent (not the global fetch): a dispatcher only
 * works with the fetch of its own undici major, and Node's bundled one changes with Node.
 */

/** Resolves a hostname to every address it has; tests inject one (there is no DNS to rely on). */
export type ResolveHost = (hostname: string) => Promise<readonly LookupAddress[]>;

export interface GuardedFetchOptions {
  /** QUARRY_ALLOW_PRIVATE_NETWORKS: when true, nothing is filtered (local fakes, self-hosted). */
  allowPrivateNetworks: boolean;
  /** Default: the system resolver (dns.lookup, as net.connect uses). */
  resolve?: ResolveHost;
}

/** What net.connect asks of the system resolver by default: every address, of configured families. */
const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, hints: ADDRCONFIG });

export function guardedFetch(opts: GuardedFetchOptions): typeof fetch {
  const publicOnly = !opts.allowPrivateNetworks;
  const connect = buildConnector({ lookup: resolvingLookup(opts.resolve ?? systemResolve, publicOnly) });
  const dispatcher = new Agent({ connect: publicOnly ? refusingPrivateLiterals(connect) : connect });
  // The package's Response is the same WHATWG class as the global one, from a newer undici: only
  // the typings differ. A global Request is another undici's object, so vendor calls pass a URL.
  const run = undiciFetch as unknown as (input: string | URL, init: object) => Promise<Response>;
  return async (input, init) => {
    if (input instanceof Request) throw new TypeError("vendor calls take a URL, not a Request");
    return run(input, { ...init, dispatcher });
  };
}

/** net.connect skips `lookup` for an IP literal host, so a literal is checked before connecting. */
function refusingPrivateLiterals(connect: buildConnector.connector): buildConnector.connector {
  return (options, callback) => {
    const literal = ipLiteral(options.hostname);
    if (literal && nonPublicReason(literal)) {
      callback(privateAddressRefused(literal), null);
      return;
    }
    connect(options, callback);
  };
}

/**
 * net.connect's lookup: resolves and, when `publicOnly`, drops every non-public address and refuses
 * when none is left. Node asks for all addresses (`all: true`, to try each family) or for one.
 */
export function resolvingLookup(resolve: ResolveHost, publicOnly: boolean): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const family = familyOf(options.family);
    resolve(hostname).then(
      (addresses) => {
        const usable = family ? addresses.filter((a) => a.family === family) : addresses;
        const open = usable.filter((a) => !publicOnly || nonPublicReason(a.address) === null);
        const first = open[0];
        if (first) {
          if (options.all) callback(null, open);
          else callback(null, first.address, first.family);
          return;
        }
        const refused = usable[0];
        callback(
          refused
            ? privateAddressRefused(refused.address, hostname)
            : Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
                code: "ENOTFOUND",
                hostname,
              }),
          "",
        );
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

function familyOf(family: LookupOptions["family"]): 4 | 6 | undefined {
  if (family === 4 || family === "IPv4") return 4;
  if (family === 6 || family === "IPv6") return 6;
  return undefined;
}
