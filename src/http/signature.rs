//! `X-Twilio-Signature` validation, as Twilio's helper libraries do it (twilio-python's
//! `RequestValidator`, twilio-node's `validateRequest`): HMAC-SHA1 over the full URL followed by
//! the form parameters sorted by name, base64, compared in constant time; the URL is tried with
//! its port removed and with the scheme's default port added. On the hit path nothing here
//! allocates: the key is set once ([`Validator`]), the URL and parameters are fed to the MAC in
//! pieces, the header is decoded into a stack buffer.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha1::Sha1;

type HmacSha1 = Hmac<Sha1>;

/// A signature checker keyed once, at start-up: HMAC's key pads are computed here, and each
/// request clones the keyed state instead of hashing the token again.
#[derive(Clone)]
pub struct Validator {
    keyed: HmacSha1,
}

impl Validator {
    /// A checker for signatures made with `token`.
    pub fn new(token: &str) -> Validator {
        Validator {
            keyed: HmacSha1::new_from_slice(token.as_bytes())
                .expect("HMAC takes a key of any length"),
        }
    }

    /// The MAC of `url` (given in pieces, so it need not be joined first) followed by `params`,
    /// which are sorted by name, then value, and deduplicated in place (twilio-python:
    /// `sorted(set(values))` per name).
    fn mac<K: AsRef<str>, V: AsRef<str>>(&self, url: &[&str], params: &[(K, V)]) -> HmacSha1 {
        let mut mac = self.keyed.clone();
        for piece in url {
            mac.update(piece.as_bytes());
        }
        let mut sorted: smallvec::SmallVec<[(&str, &str); 32]> = params
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_ref()))
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        for &(k, v) in &sorted {
            mac.update(k.as_bytes());
            mac.update(v.as_bytes());
        }
        mac
    }

    /// The signature Twilio would send for this request (base64).
    pub fn sign<K: AsRef<str>, V: AsRef<str>>(&self, url: &str, params: &[(K, V)]) -> String {
        BASE64.encode(self.mac(&[url], params).finalize().into_bytes())
    }

    /// Whether `signature` (the header's value) signs a form request to `base` + `path` (the
    /// URL in two pieces: `PUBLIC_URL` and the path with its query). The URL as given is tried
    /// first, without building it; the variants with and without the port are built only when
    /// it fails.
    pub fn validate<K: AsRef<str>, V: AsRef<str>>(
        &self,
        base: &str,
        path: &str,
        params: &[(K, V)],
        signature: &str,
    ) -> bool {
        // A SHA-1 MAC is 20 bytes; anything that decodes to more is not a signature.
        let mut expected = [0u8; 32];
        let Ok(len) = BASE64.decode_slice(signature.trim(), &mut expected) else {
            return false;
        };
        let expected = &expected[..len];
        if self
            .mac(&[base, path], params)
            .verify_slice(expected)
            .is_ok()
        {
            return true;
        }
        let url = format!("{base}{path}");
        url_variants(&url).into_iter().flatten().any(|candidate| {
            self.mac(&[&candidate], params)
                .verify_slice(expected)
                .is_ok()
        })
    }
}

/// The signature Twilio would send for this request (base64).
pub fn sign<K: AsRef<str>, V: AsRef<str>>(token: &str, url: &str, params: &[(K, V)]) -> String {
    Validator::new(token).sign(url, params)
}

/// The variants Twilio's libraries also accept, besides the URL as given: without its port (when
/// it has one), or with the scheme's default port (when it has none).
fn url_variants(url: &str) -> [Option<String>; 2] {
    let Some((scheme, rest)) = url.split_once("://") else {
        return [None, None];
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(at) => authority.split_at(at + 1),
        None => ("", authority),
    };
    let (host, port) = match hostport.rfind(':') {
        Some(colon) if !hostport.ends_with(']') => {
            (&hostport[..colon], Some(&hostport[colon + 1..]))
        }
        _ => (hostport, None),
    };
    let default_port = match scheme {
        "https" => "443",
        "http" => "80",
        _ => "",
    };
    let without_port = format!("{scheme}://{userinfo}{host}{tail}");
    let with_port = match port {
        Some(_) => None,
        None if !default_port.is_empty() => {
            Some(format!("{scheme}://{userinfo}{host}:{default_port}{tail}"))
        }
        None => None,
    };
    [port.map(|_| without_port), with_port]
}

/// Whether `signature` (the header's value) signs this form request to `url`.
pub fn validate<K: AsRef<str>, V: AsRef<str>>(
    token: &str,
    url: &str,
    params: &[(K, V)],
    signature: &str,
) -> bool {
    Validator::new(token).validate(url, "", params, signature)
}

#[cfg(test)]
mod tests {
    //! Known-answer vectors from the helper libraries' own test suites (shared/CONTRACTS.md §1.3).
    use super::*;

    const TOKEN: &str = "12345";
    const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";

    fn params() -> Vec<(String, String)> {
        [
            ("CallSid", "CA1234567890ABCDE"),
            ("Caller", "+14158675309"),
            ("Digits", "1234"),
            ("From", "+14158675309"),
            ("To", "+18005551212"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn known_answer_vectors() {
        let cases = [
            (URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
            (
                "https://mycompany.com:443/myapp.php?foo=1&bar=2",
                "kvajT1Ptam85bY51eRf/AJRuM3w=",
            ),
            (
                "http://mycompany.com:80/myapp.php?foo=1&bar=2",
                "0ZXoZLH/DfblKGATFgpif+LLRf4=",
            ),
            (
                "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
                "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=",
            ),
            (
                "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2",
                "CukzLTc1tT5dXEDIHm/tKBanW10=",
            ),
        ];
        for (url, expected) in cases {
            assert_eq!(sign(TOKEN, url, &params()), expected, "{url}");
            assert!(validate(TOKEN, url, &params(), expected), "{url}");
        }
    }

    #[test]
    fn ports_are_tried_both_ways() {
        // Signed without the port, configured with one; signed with :443, configured without.
        assert!(validate(
            TOKEN,
            "https://mycompany.com:1234/myapp.php?foo=1&bar=2",
            &params(),
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
        assert!(validate(
            TOKEN,
            URL,
            &params(),
            "kvajT1Ptam85bY51eRf/AJRuM3w="
        ));
        assert!(validate(
            TOKEN,
            "https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2",
            &params(),
            "CukzLTc1tT5dXEDIHm/tKBanW10="
        ));
    }

    #[test]
    fn repeated_keys_sort_their_values() {
        let params: Vec<(String, String)> = [
            ("Sid", "CA123"),
            ("SidAccount", "AC123"),
            ("Digits", "5678"),
            ("Digits", "1234"),
            ("Digits", "1234"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        assert_eq!(sign(TOKEN, URL, &params), "IK+Dwps556ElfBT0I3Rgjkr1wJU=");
    }

    #[test]
    fn wrong_or_garbled_signatures_are_rejected() {
        assert!(!validate(TOKEN, URL, &params(), "WRONG_SIGNATURE"));
        assert!(!validate(TOKEN, URL, &params(), ""));
        assert!(!validate(
            "54321",
            URL,
            &params(),
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
        let mut tampered = params();
        tampered[2].1 = "9999".into();
        assert!(!validate(
            TOKEN,
            URL,
            &tampered,
            "RSOYDt4T1cUTdK1PDd93/VVr8B8="
        ));
    }
}
