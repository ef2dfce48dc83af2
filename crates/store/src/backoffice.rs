//! Read models of the back office that look across tenants: documents with their signers,
//! and webhook deliveries.
