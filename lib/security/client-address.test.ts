import { request as httpRequest, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { addressBucketOf, clientAddressOf, pickClientAddress } from "./client-address";
import { isForwardedHttps } from "./forwarded-proto";
import { installPeerAddressStamp, PEER_ADDRESS_HEADER } from "./peer-address-stamp";

describe("pickClientAddress", () => {
  it("with no trusted proxy, is the TCP peer whatever X-Forwarded-For says", () => {
    expect(pickClientAddress({ peer: "198.51.100.4", forwardedFor: "1.2.3.4", trustedHops: 0 })).toBe("198.51.100.4");
    expect(pickClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: null, trustedHops: 0 })).toBe("127.0.0.1");
  });

  it("behind N trusted proxies, is the entry each of them vouches for, never one the caller wrote", () => {
    // The caller wrote "6.6.6.6"; the one proxy appended the address it saw (203.0.113.9) and connected from 10.0.0.2.
    expect(pickClientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9", trustedHops: 1 })).toBe("203.0.113.9");
    expect(pickClientAddress({ peer: "10.0.0.3", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.2", trustedHops: 2 })).toBe("203.0.113.9");
    // Fewer entries than hops (a request that skipped a proxy): the leftmost one, the best that is known.
    expect(pickClientAddress({ peer: "10.0.0.2", forwardedFor: null, trustedHops: 2 })).toBe("10.0.0.2");
  });

  it("without a peer is unknown (one shared bucket)", () => {
    expect(pickClientAddress({ peer: null, forwardedFor: "1.2.3.4", trustedHops: 1 })).toBe("unknown");
  });
});

describe("clientAddressOf", () => {
  it("believes only the peer stamp this process wrote", () => {
    installPeerAddressStamp();
    const forged = new Headers({ [PEER_ADDRESS_HEADER]: "anything 6.6.6.6", "x-forwarded-for": "7.7.7.7" });
    expect(clientAddressOf(forged, 0)).toBe("unknown");
  });

  it("over real HTTP, reads the socket's address, not the copy of the stamp or the X-Forwarded-For a caller sends", async () => {
    installPeerAddressStamp();
    const server = createServer((request, response) => {
      const headers = new Headers(Object.entries(request.headers).map(([name, value]) => [name, String(value)] as [string, string]));
      response.end(clientAddressOf(headers, 0));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const seen = await new Promise<string>((resolve, reject) => {
      const headers = { [PEER_ADDRESS_HEADER]: "forged 6.6.6.6", "x-forwarded-for": "7.7.7.7" };
      httpRequest({ host: "127.0.0.1", port, localAddress: "127.0.0.2", headers }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve(body));
      })
        .on("error", reject)
        .end();
    });
    server.close();
    expect(seen).toBe("127.0.0.2");
  });
});

describe("isForwardedHttps", () => {
  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    expect(isForwardedHttps({ forwardedProto: "https", trustedHops: 0 })).toBe(false);
    expect(isForwardedHttps({ forwardedProto: "https", trustedHops: 1 })).toBe(true);
    expect(isForwardedHttps({ forwardedProto: "https, http", trustedHops: 1 })).toBe(false);
    expect(isForwardedHttps({ forwardedProto: null, trustedHops: 1 })).toBe(false);
  });
});

describe("addressBucketOf", () => {
  it("counts an IPv4 address as itself and an IPv6 caller by its /64", () => {
    expect(addressBucketOf("203.0.113.9")).toBe("203.0.113.9");
    expect(addressBucketOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressBucketOf("2001:DB8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBucketOf("2001:0db8:0001:0002:ffff::9")).toBe("2001:db8:1:2::/64");
    expect(addressBucketOf("::1")).toBe("0:0:0:0::/64");
    expect(addressBucketOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("leaves what it cannot read as it is", () => {
    expect(addressBucketOf("unknown")).toBe("unknown");
    expect(addressBucketOf("1::2::3")).toBe("1::2::3");
    expect(addressBucketOf("64:ff9b::192.0.2.1")).toBe("64:ff9b::192.0.2.1");
  });
});
