//! Refusing outbound connections to internal addresses (server-side request forgery).
//!
//! A tenant chooses the webhook URL, so without a guard Signet would POST wherever it is told:
//! to its own admin port, a cloud metadata service, a database on the private network. The check
//! runs inside the connector, on the exact addresses about to be dialled, after DNS resolution:
//! checking the URL first and connecting later would let a name resolve to a public address for
//! the check and to `127.0.0.1` for the connection (DNS rebinding).

use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::task::{Context, Poll};

use http::Uri;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// Why an address may not be the target of a webhook, or `None` if it may.
///
/// Covers IPv4 and IPv6 special-purpose ranges (IANA registries); IPv6 forms that embed an IPv4
/// address are judged by that address where they are translated to it (NAT64, 6to4), and refused
/// outright where no public endpoint would use them (IPv4-mapped, IPv4-compatible, Teredo).
pub fn is_forbidden_ip(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn in_v4(ip: Ipv4Addr, net: [u8; 4], prefix: u32) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - prefix)
    };
    (u32::from(ip) & mask) == (u32::from(Ipv4Addr::from(net)) & mask)
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    const TABLE: &[([u8; 4], u32, &str)] = &[
        ([0, 0, 0, 0], 8, "unspecified (this network)"),
        ([10, 0, 0, 0], 8, "private"),
        ([100, 64, 0, 0], 10, "shared (CGNAT)"),
        ([127, 0, 0, 0], 8, "loopback"),
        ([169, 254, 0, 0], 16, "link-local"),
        ([172, 16, 0, 0], 12, "private"),
        ([192, 0, 0, 0], 24, "IETF protocol assignment"),
        ([192, 0, 2, 0], 24, "documentation"),
        ([192, 88, 99, 0], 24, "6to4 relay anycast"),
        ([192, 168, 0, 0], 16, "private"),
        ([198, 18, 0, 0], 15, "benchmarking"),
        ([198, 51, 100, 0], 24, "documentation"),
        ([203, 0, 113, 0], 24, "documentation"),
        ([224, 0, 0, 0], 4, "multicast"),
        ([255, 255, 255, 255], 32, "broadcast"),
        ([240, 0, 0, 0], 4, "reserved"),
    ];
    TABLE
        .iter()
        .find(|(net, prefix, _)| in_v4(ip, *net, *prefix))
        .map(|(_, _, reason)| *reason)
}

fn in_v6(ip: Ipv6Addr, net: [u16; 8], prefix: u32) -> bool {
    let mask = if prefix == 0 {
        0
    } else {
        u128::MAX << (128 - prefix)
    };
    (u128::from(ip) & mask) == (u128::from(Ipv6Addr::from(net)) & mask)
}

fn embedded_low_v4(ip: Ipv6Addr) -> Ipv4Addr {
    let o = ip.octets();
    Ipv4Addr::new(o[12], o[13], o[14], o[15])
}

fn forbidden_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if ip.is_unspecified() {
        return Some("unspecified");
    }
    if ip.is_loopback() {
        return Some("loopback");
    }
    // ::ffff:0:0/96 reaches the IPv4 address on dual-stack sockets; a public endpoint publishes
    // its IPv4 address as such, so the mapped form is only ever a way around this check.
    if in_v6(ip, [0, 0, 0, 0, 0, 0xffff, 0, 0], 96) {
        return Some("IPv4-mapped");
    }
    // NAT64 well-known prefix: the gateway connects to the embedded IPv4 address. It lies
    // inside ::/8, so it is judged before the rest of that block.
    if in_v6(ip, [0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96) {
        return forbidden_v4(embedded_low_v4(ip)).map(|_| "NAT64 of a forbidden IPv4");
    }
    if in_v6(ip, [0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48) {
        return Some("local-use NAT64");
    }
    // ::/96 (deprecated IPv4-compatible) and the rest of ::/8 are reserved.
    if in_v6(ip, [0, 0, 0, 0, 0, 0, 0, 0], 8) {
        return Some("IPv4-compatible or reserved");
    }
    const TABLE: &[([u16; 8], u32, &str)] = &[
        ([0x100, 0, 0, 0, 0, 0, 0, 0], 64, "discard-only"),
        ([0x2001, 0, 0, 0, 0, 0, 0, 0], 32, "Teredo"),
        ([0x2001, 0x2, 0, 0, 0, 0, 0, 0], 48, "benchmarking"),
        ([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32, "documentation"),
        ([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20, "documentation"),
        ([0x5f00, 0, 0, 0, 0, 0, 0, 0], 16, "segment routing"),
        ([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7, "unique local (private)"),
        ([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10, "link-local"),
        ([0xfec0, 0, 0, 0, 0, 0, 0, 0], 10, "site-local"),
        ([0xff00, 0, 0, 0, 0, 0, 0, 0], 8, "multicast"),
    ];
    if let Some((_, _, reason)) = TABLE
        .iter()
        .find(|(net, prefix, _)| in_v6(ip, *net, *prefix))
    {
        return Some(reason);
    }
    // 6to4 (2002::/16) tunnels to the IPv4 address in bits 16..48.
    if in_v6(ip, [0x2002, 0, 0, 0, 0, 0, 0, 0], 16) {
        let o = ip.octets();
        return forbidden_v4(Ipv4Addr::new(o[2], o[3], o[4], o[5]))
            .map(|_| "6to4 of a forbidden IPv4");
    }
    None
}

/// Why the guarded connector did not produce a connection. Carried through hyper's error
/// chain and turned back into an [`crate::AttemptError`] by the client.
#[derive(Debug, thiserror::Error)]
pub(crate) enum GuardError {
    #[error("URL has no host")]
    NoHost,
    #[error("refused {reason} address {addr}")]
    Refused { addr: IpAddr, reason: &'static str },
    #[error("DNS resolution of {host} failed: {source}")]
    Dns { host: String, source: io::Error },
    #[error("{host} has no addresses")]
    NoAddresses { host: String },
    #[error("connecting to {addr} failed: {source}")]
    Connect { addr: SocketAddr, source: io::Error },
}

/// A hyper connector that resolves the host itself and checks every address before dialling.
///
/// If any resolved address is forbidden the whole name is refused rather than filtered: a name
/// that points partly into a private network is a misconfiguration or an attack, and refusing
/// makes the outcome independent of the order the resolver returns.
#[derive(Debug, Clone)]
pub(crate) struct GuardedConnector {
    pub(crate) allow_private: bool,
}

impl tower_service::Service<Uri> for GuardedConnector {
    type Response = TokioIo<TcpStream>;
    type Error = GuardError;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, GuardError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let allow_private = self.allow_private;
        Box::pin(async move { connect(uri, allow_private).await })
    }
}

async fn connect(uri: Uri, allow_private: bool) -> Result<TokioIo<TcpStream>, GuardError> {
    let host = uri.host().ok_or(GuardError::NoHost)?;
    let port = uri.port_u16().unwrap_or(match uri.scheme_str() {
        Some("https") => 443,
        _ => 80,
    });
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<SocketAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => tokio::net::lookup_host((bare, port))
            .await
            .map_err(|source| GuardError::Dns {
                host: bare.to_owned(),
                source,
            })?
            .collect(),
    };
    if addrs.is_empty() {
        return Err(GuardError::NoAddresses {
            host: bare.to_owned(),
        });
    }
    if !allow_private {
        for addr in &addrs {
            if let Some(reason) = is_forbidden_ip(addr.ip()) {
                return Err(GuardError::Refused {
                    addr: addr.ip(),
                    reason,
                });
            }
        }
    }
    let mut last = None;
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(stream) => {
                // Webhook requests are small; waiting for Nagle only adds latency.
                let _ = stream.set_nodelay(true);
                return Ok(TokioIo::new(stream));
            }
            Err(source) => last = Some(GuardError::Connect { addr, source }),
        }
    }
    Err(last.unwrap_or(GuardError::NoAddresses {
        host: bare.to_owned(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(s: &str) -> Option<&'static str> {
        is_forbidden_ip(s.parse().unwrap())
    }

    #[test]
    fn internal_and_special_addresses_are_forbidden_with_their_reason() {
        let table = [
            ("127.0.0.1", "loopback"),
            ("127.255.255.254", "loopback"),
            ("10.0.0.1", "private"),
            ("172.16.0.1", "private"),
            ("172.31.255.255", "private"),
            ("192.168.1.1", "private"),
            ("169.254.169.254", "link-local"),
            ("100.64.0.1", "shared (CGNAT)"),
            ("100.127.255.255", "shared (CGNAT)"),
            ("0.0.0.0", "unspecified (this network)"),
            ("0.1.2.3", "unspecified (this network)"),
            ("224.0.0.1", "multicast"),
            ("255.255.255.255", "broadcast"),
            ("240.0.0.1", "reserved"),
            ("192.0.2.10", "documentation"),
            ("198.51.100.7", "documentation"),
            ("203.0.113.9", "documentation"),
            ("198.18.0.1", "benchmarking"),
            ("198.19.255.255", "benchmarking"),
            ("192.0.0.8", "IETF protocol assignment"),
            ("::1", "loopback"),
            ("::", "unspecified"),
            ("::ffff:127.0.0.1", "IPv4-mapped"),
            ("::ffff:8.8.8.8", "IPv4-mapped"),
            ("::127.0.0.1", "IPv4-compatible or reserved"),
            ("fc00::1", "unique local (private)"),
            ("fd12:3456::1", "unique local (private)"),
            ("fe80::1", "link-local"),
            ("febf::1", "link-local"),
            ("fec0::1", "site-local"),
            ("ff02::1", "multicast"),
            ("2001:db8::1", "documentation"),
            ("2001:2::1", "benchmarking"),
            ("2001:0:4136:e378::1", "Teredo"),
            ("64:ff9b::127.0.0.1", "NAT64 of a forbidden IPv4"),
            ("64:ff9b::10.1.2.3", "NAT64 of a forbidden IPv4"),
            ("64:ff9b:1::1", "local-use NAT64"),
            ("2002:7f00:0001::1", "6to4 of a forbidden IPv4"),
            ("2002:c0a8:0101::1", "6to4 of a forbidden IPv4"),
            ("100::1", "discard-only"),
        ];
        for (ip, want) in table {
            assert_eq!(reason(ip), Some(want), "{ip}");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "100.63.255.255",
            "100.128.0.0",
            "172.15.255.255",
            "172.32.0.0",
            "169.253.0.1",
            "192.169.0.1",
            "198.20.0.1",
            "223.255.255.255",
            "2606:4700:4700::1111",
            "2a00:1450:4001::200e",
            "64:ff9b::8.8.8.8",
            "2002:0808:0808::1",
        ] {
            assert_eq!(reason(ip), None, "{ip}");
        }
    }
}
