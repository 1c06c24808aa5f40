# corpus: valid: IPv4 address and CIDR validation, int packing with shifts, subnet membership
def parse_ip(s: str) -> int:
    parts = s.split(".")
    if len(parts) != 4:
        raise ValueError(f"{s!r}: expected 4 octets, got {len(parts)}")
    value = 0
    for p in parts:
        if not p.isdigit() or (len(p) > 1 and p[0] == "0"):
            raise ValueError(f"{s!r}: bad octet {p!r}")
        n = int(p)
        if n > 255:
            raise ValueError(f"{s!r}: octet {n} > 255")
        value = (value << 8) | n
    return value


def format_ip(v: int) -> str:
    return ".".join(str((v >> shift) & 255) for shift in [24, 16, 8, 0])


def in_subnet(ip: str, cidr: str) -> bool:
    base, _, bits_s = cidr.partition("/")
    bits = int(bits_s)
    mask = ((1 << 32) - 1) ^ ((1 << (32 - bits)) - 1)
    return parse_ip(ip) & mask == parse_ip(base) & mask


def main() -> None:
    for s in ["192.168.1.1", "10.0.0.255", "256.1.1.1", "1.2.3", "01.2.3.4", "a.b.c.d", "0.0.0.0", "255.255.255.255"]:
        try:
            v = parse_ip(s)
            print(f"{s:<16} ok  int={v:>10} back={format_ip(v)} low16={v % 65536}")
        except ValueError as e:
            print(f"{s:<16} bad {e}")
    for ip, net in [("192.168.1.77", "192.168.1.0/24"), ("192.168.2.1", "192.168.1.0/24"),
                    ("10.1.2.3", "10.0.0.0/8"), ("172.16.5.4", "172.16.0.0/12"), ("8.8.8.8", "0.0.0.0/0")]:
        print(f"{ip} in {net}: {in_subnet(ip, net)}")


if __name__ == "__main__":
    main()
