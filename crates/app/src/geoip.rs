//! Where a client is, by its address: a MaxMind-format country database (`geoip_database`:
//! GeoLite2-Country or GeoIP2-Country, or any `.mmdb` with `country.iso_code`), read whole
//! into memory at start. Signet uses it for seed 000's 4145: a signer whose session comes
//! from one of the `prohibited_countries` cannot sign until they come from elsewhere.

use std::net::IpAddr;
use std::path::Path;

/// A country database, loaded.
pub struct GeoIp {
    reader: maxminddb::Reader<Vec<u8>>,
}

impl std::fmt::Debug for GeoIp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeoIp")
            .field("database_type", &self.reader.metadata.database_type)
            .finish()
    }
}

impl GeoIp {
    /// Reads the database at `path`; an unreadable or malformed file is an error naming it.
    pub fn open(path: &Path) -> Result<GeoIp, String> {
        let reader = maxminddb::Reader::open_readfile(path)
            .map_err(|e| format!("geoip_database {}: {e}", path.display()))?;
        Ok(GeoIp { reader })
    }

    /// The ISO 3166-1 alpha-2 code (upper case) of the country the database places `ip` in:
    /// the country where it is used, else where its block is registered; `None` when the
    /// database does not know it.
    pub fn country(&self, ip: IpAddr) -> Option<String> {
        let found = self.reader.lookup(ip).ok()?;
        let record: maxminddb::geoip2::Country<'_> = found.decode().ok()??;
        record
            .country
            .iso_code
            .or(record.registered_country.iso_code)
            .map(str::to_ascii_uppercase)
    }
}
