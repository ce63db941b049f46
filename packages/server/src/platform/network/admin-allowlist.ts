import net from 'node:net';

/** IPv4 clients reach a dual-stack socket as ::ffff:a.b.c.d; match them against IPv4 ranges. */
const unmapped = (ip: string): string => (ip.startsWith('::ffff:') && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip);

/** `allows(ip)`: true when the list is empty (not configured) or the address is inside one CIDR. */
export function adminAllowlist(cidrs: readonly string[]): { allows(ip: string): boolean } {
  if (cidrs.length === 0) return { allows: () => true };
  const list = new net.BlockList();
  for (const cidr of cidrs) {
    const [address = '', bits = ''] = cidr.split('/');
    list.addSubnet(address, Number(bits), net.isIPv6(address) ? 'ipv6' : 'ipv4');
  }
  return {
    allows(ip) {
      const addr = unmapped(ip);
      const family = net.isIPv6(addr) ? 'ipv6' : net.isIPv4(addr) ? 'ipv4' : null;
      return family !== null && list.check(addr, family);
    },
  };
}
