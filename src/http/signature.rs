//! `X-Twilio-Signature` validation, as Twilio's helper libraries do it (twilio-python's
//! `RequestValidator`, twilio-node's `validateRequest`): HMAC-SHA1 over the full URL followed by
//! the form parameters sorted by name, base64, compared in constant time; the URL is tried with
//! its port removed and with the scheme's default port added.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha1::Sha1;

type HmacSha1 = Hmac<Sha1>;

/// `url` + each parameter name followed by its value, names sorted by code point and the values
/// of a repeated name sorted and deduplicated (twilio-python: `sorted(set(values))`).
fn signed_payload(url: &str, params: &[(String, String)]) -> Vec<u8> {
    let mut sorted: Vec<(&str, &str)> = params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut payload = Vec::with_capacity(
        url.len() + sorted.iter().map(|(k, v)| k.len() + v.len()).sum::<usize>(),
    );
    payload.extend_from_slice(url.as_bytes());
    for (k, v) in sorted {
        payload.extend_from_slice(k.as_bytes());
        payload.extend_from_slice(v.as_bytes());
    }
    payload
}

fn mac(token: &str, payload: &[u8]) -> HmacSha1 {
    let mut mac =
        HmacSha1::new_from_slice(token.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(payload);
    mac
}

/// The signature Twilio would send for this request (base64).
pub fn sign(token: &str, url: &str, params: &[(String, String)]) -> String {
    BASE64.encode(
        mac(token, &signed_payload(url, params))
            .finalize()
            .into_bytes(),
    )
}

/// The URL variants Twilio's libraries accept: as given, without its port, with the default port.
fn url_variants(url: &str) -> [Option<String>; 3] {
    let Some((scheme, rest)) = url.split_once("://") else {
        return [Some(url.to_string()), None, None];
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
    [Some(url.to_string()), port.map(|_| without_port), with_port]
}

/// Whether `signature` (the header's value) signs this form request.
pub fn validate(token: &str, url: &str, params: &[(String, String)], signature: &str) -> bool {
    let Ok(expected) = BASE64.decode(signature.trim()) else {
        return false;
    };
    url_variants(url).into_iter().flatten().any(|candidate| {
        mac(token, &signed_payload(&candidate, params))
            .verify_slice(&expected)
            .is_ok()
    })
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
