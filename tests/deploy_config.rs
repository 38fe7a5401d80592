//! The deployment files agree with the code.
//!
//! `clara::config::VARIABLES` is the one list of environment variables: `render.yaml`,
//! `.env.example` and the docs must declare exactly those (a missing or an extra variable fails
//! with its name). The Dockerfile must build with the command `scripts/verify.sh` uses, on the
//! toolchain `rust-toolchain.toml` pins. And the probe behind `clara healthcheck` must pass
//! against the real server.
//!
//! There is no YAML crate among the dependencies; render.yaml is read with a small block-style
//! reader (`- key: NAME` entries under `envVars:`, one level of nested map such as
//! `fromService:`, and each service's own fields), which is how Render's docs write Blueprints.

mod util;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use clara::config::{Config, VARIABLES, Variable};

/// The build command of `scripts/verify.sh`: the image is built exactly the same way.
const BUILD: &str = "cargo build --release --locked";

/// The header of the variables table in docs/RENDER-DEPLOY.md.
const TABLE_HEADER: &str = "| variable | default | accepts | secret | render.yaml | what it does |";

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|err| panic!("cannot read {path}: {err}"))
}

fn variable(name: &str) -> Option<&'static Variable> {
    VARIABLES.iter().find(|v| v.name == name)
}

/// The names `file` declares, compared with VARIABLES; one line per problem, naming the variable.
fn differences(file: &str, found: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for name in found {
        if !seen.insert(name.as_str()) {
            problems.push(format!("{file}: {name} is declared more than once"));
        }
        if variable(name).is_none() {
            problems.push(format!(
                "{file}: {name} is not in VARIABLES (src/config.rs): remove it, or declare it there"
            ));
        }
    }
    for var in VARIABLES {
        if !seen.contains(var.name) {
            problems.push(format!("{file}: {} is missing", var.name));
        }
    }
    problems
}

#[track_caller]
fn assert_no_problems(problems: &[String]) {
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

// ---- render.yaml ------------------------------------------------------------------------------

/// One `envVars` entry of render.yaml.
#[derive(Debug)]
struct Entry {
    /// 1-based line of its `- ` line.
    line: usize,
    /// `key`, `value`, `sync`, … with quotes removed; a nested map's fields as
    /// `fromService.name` (and `fromService` itself, empty).
    fields: BTreeMap<String, String>,
}

impl Entry {
    fn get(&self, field: &str) -> Option<&str> {
        self.fields.get(field).map(String::as_str)
    }
}

/// `line` without a `# comment` that stands outside quotes.
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut after_space = true;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if after_space => return &line[..i],
            _ => {}
        }
        after_space = c.is_whitespace();
    }
    line
}

fn unquote(value: &str) -> String {
    let value = value.trim();
    for q in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(q) && value.ends_with(q) {
            return value[1..value.len() - 1].to_string();
        }
    }
    value.to_string()
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// A nested map being read inside an entry: the indent of its `name:` line, and its name.
type Nested = (usize, String);

/// Adds `name: value` to `entry` (as `parent.name` inside a nested map); returns the name.
fn add_field(
    entry: &mut Entry,
    parent: Option<&str>,
    text: &str,
    line: usize,
) -> Result<String, String> {
    let (name, value) = text
        .split_once(':')
        .ok_or_else(|| format!("render.yaml:{line}: cannot read `{text}`"))?;
    let name = match parent {
        Some(parent) => format!("{parent}.{}", unquote(name)),
        None => unquote(name),
    };
    if entry.fields.insert(name.clone(), unquote(value)).is_some() {
        return Err(format!(
            "render.yaml:{line}: `{name}` given twice in one entry"
        ));
    }
    Ok(name)
}

/// Every `envVars` entry of every service, in order.
///
/// # Errors
/// A line it cannot read, with its number.
fn env_entries(text: &str) -> Result<Vec<Entry>, String> {
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, strip_comment(l).trim_end()))
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    let mut entries = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (n, line) = lines[i];
        i += 1;
        let Some(rest) = line.trim_start().strip_prefix("envVars:") else {
            continue;
        };
        if !rest.trim().is_empty() {
            return Err(format!(
                "render.yaml:{n}: write envVars as a block list, one `- key: NAME` per entry"
            ));
        }
        let base = indent(line);
        // (indent of the entry's dash, the entry, the open nested map)
        let mut current: Option<(usize, Entry, Option<Nested>)> = None;
        while i < lines.len() {
            let (n, line) = lines[i];
            let (depth, text) = (indent(line), line.trim_start());
            let item = text == "-" || text.starts_with("- ");
            // The list ends at a shallower line, or at a key as deep as `envVars:` itself (a list
            // may sit at the same indent as its key).
            if depth < base || (depth == base && !item) {
                break;
            }
            i += 1;
            match &mut current {
                Some((dash, entry, nested)) if depth > *dash => {
                    match nested {
                        Some((outer, name)) if depth > *outer => {
                            add_field(entry, Some(name.as_str()), text, n)?;
                        }
                        _ => {
                            let name = add_field(entry, None, text, n)?;
                            // `fromService:` with nothing after it opens a nested map.
                            *nested = (entry.fields[&name].is_empty()).then_some((depth, name));
                        }
                    }
                }
                _ if item => {
                    entries.extend(current.take().map(|(_, e, _)| e));
                    let mut entry = Entry {
                        line: n,
                        fields: BTreeMap::new(),
                    };
                    let first = text[1..].trim_start();
                    let mut nested = None;
                    if !first.is_empty() {
                        let name = add_field(&mut entry, None, first, n)?;
                        let at = depth + text.len() - first.len();
                        nested = entry.fields[&name].is_empty().then_some((at, name));
                    }
                    current = Some((depth, entry, nested));
                }
                _ => {
                    return Err(format!(
                        "render.yaml:{n}: expected `- key: NAME`, found `{text}`"
                    ));
                }
            }
        }
        entries.extend(current.take().map(|(_, e, _)| e));
    }
    Ok(entries)
}

fn render_entries() -> Vec<Entry> {
    env_entries(&read("render.yaml")).unwrap_or_else(|problem| panic!("{problem}"))
}

/// What render.yaml does with `name`, as the docs table shows it.
fn render_cell(entries: &[Entry], name: &str) -> String {
    match entries.iter().find(|e| e.get("key") == Some(name)) {
        Some(e) if e.get("sync") == Some("false") => "prompted".to_string(),
        Some(e) if e.get("fromService").is_some() => match (
            e.get("fromService.type"),
            e.get("fromService.name"),
            e.get("fromService.property"),
        ) {
            (Some(kind), Some(name), Some(property)) => {
                format!("from {kind} `{name}` ({property})")
            }
            _ => "(incomplete fromService)".to_string(),
        },
        Some(e) => match e.get("value") {
            // A secret's value is never repeated, not even in a failure message.
            Some(_) if variable(name).is_some_and(|v| v.secret) => "(a value!)".to_string(),
            Some(value) => format!("`{value}`"),
            None => "(other)".to_string(),
        },
        None => "(missing)".to_string(),
    }
}

#[test]
fn render_yaml_declares_every_variable_exactly_once() {
    let entries = render_entries();
    let mut problems = Vec::new();
    let mut names = Vec::new();
    for entry in &entries {
        match entry.get("key") {
            Some(key) => names.push(key.to_string()),
            None => problems.push(format!(
                "render.yaml:{}: an envVars entry without `key` (fromGroup and the like would hide \
                 variables from this check)",
                entry.line
            )),
        }
    }
    problems.extend(differences("render.yaml", &names));
    assert_no_problems(&problems);
}

#[test]
fn render_yaml_holds_no_secret_and_gives_every_variable_one_source() {
    let mut problems = Vec::new();
    for entry in render_entries() {
        let Some(var) = entry.get("key").and_then(variable) else {
            continue; // reported by render_yaml_declares_every_variable_exactly_once
        };
        // Nested fields (`fromService.name`) belong to their source, not a source of their own.
        let sources: Vec<&str> = entry
            .fields
            .keys()
            .map(String::as_str)
            .filter(|f| *f != "key" && !f.contains('.'))
            .collect();
        let prompted = entry.get("sync") == Some("false");
        // Render writes a `fromService` value itself: a secret may come from there too.
        let wired = entry.get("fromService").is_some();
        if var.secret && (!(prompted || wired) || sources.len() != 1) {
            problems.push(format!(
                "render.yaml:{}: {} is a secret: declare it with `sync: false` or `fromService` \
                 only, never a value",
                entry.line, var.name
            ));
        } else if !(prompted || wired || entry.get("value").is_some()) || sources.len() != 1 {
            problems.push(format!(
                "render.yaml:{}: {} needs exactly one of `value:`, `sync: false` or \
                 `fromService:`, found {sources:?}",
                entry.line, var.name
            ));
        }
    }
    assert_no_problems(&problems);
}

/// The configuration render.yaml gives the service, with the prompted values in `prompted`.
fn render_config(prompted: &[(&str, &str)]) -> Result<Config, clara::config::ConfigError> {
    let entries = render_entries();
    Config::from_lookup(|name| {
        let entry = entries.iter().find(|e| e.get("key") == Some(name))?;
        match entry.get("value") {
            Some(value) => Some(value.to_string()),
            None => prompted
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string()),
        }
    })
}

#[test]
fn render_yaml_values_are_valid_and_need_the_twilio_token() {
    let config = render_config(&[
        ("TWILIO_AUTH_TOKEN", "a-token"),
        ("PUBLIC_URL", "https://clara.onrender.com"),
        // What Render writes from the Key Value's connectionString (internal, no TLS).
        ("REDIS_URL", "redis://red-d0abc123def456:6379"),
    ])
    .unwrap_or_else(|err| panic!("render.yaml does not start the service: {err}"));
    assert_eq!(config.port, 10000);
    assert!(!config.demo_mode);
    assert!(config.json_logs);
    assert!(config.redis_url.is_some());
    // Prompted values left empty: start-up stops and says which one is needed.
    let err = render_config(&[]).unwrap_err();
    assert_eq!(err.name, "TWILIO_AUTH_TOKEN");
}

/// The own fields of each item of the top-level `services:` list (`type`, `plan`, …; a nested
/// block such as `envVars:` shows as its name with an empty value).
fn services(text: &str) -> Vec<BTreeMap<String, String>> {
    let mut services = Vec::new();
    let mut inside = false;
    // (indent of the item's fields, its fields)
    let mut current: Option<(usize, BTreeMap<String, String>)> = None;
    for line in text.lines().map(|l| strip_comment(l).trim_end()) {
        if line.trim().is_empty() {
            continue;
        }
        let depth = indent(line);
        let text = line.trim_start();
        if depth == 0 {
            services.extend(current.take().map(|(_, f)| f));
            inside = text == "services:";
            continue;
        }
        if !inside {
            continue;
        }
        let field = match text.strip_prefix("- ") {
            // A new item: a dash shallower than the current item's fields.
            Some(first) if current.as_ref().is_none_or(|(at, _)| depth < *at) => {
                services.extend(current.take().map(|(_, f)| f));
                current = Some((depth + 2, BTreeMap::new()));
                first
            }
            // One of the item's own fields; anything deeper belongs to a nested block.
            _ if current.as_ref().is_some_and(|(at, _)| depth == *at) => text,
            _ => continue,
        };
        if let (Some((_, fields)), Some((k, v))) = (&mut current, field.split_once(':')) {
            fields.insert(unquote(k), unquote(v));
        }
    }
    services.extend(current.take().map(|(_, f)| f));
    services
}

fn services_of_type(kind: &str) -> Vec<BTreeMap<String, String>> {
    services(&read("render.yaml"))
        .into_iter()
        .filter(|s| s.get("type").map(String::as_str) == Some(kind))
        .collect()
}

#[test]
fn render_yaml_is_one_free_docker_web_service_in_frankfurt() {
    let all = services(&read("render.yaml"));
    let kinds: Vec<&str> = all
        .iter()
        .map(|s| s.get("type").map_or("(no type)", String::as_str))
        .collect();
    assert_eq!(kinds, ["web", "keyvalue"], "render.yaml: the services");
    let web = &services_of_type("web")[0];
    for (key, want) in [
        ("runtime", "docker"),
        ("plan", "free"),
        ("region", "frankfurt"),
        ("healthCheckPath", "/health"),
    ] {
        assert_eq!(
            web.get(key).map(String::as_str),
            Some(want),
            "render.yaml: {key}"
        );
    }
    let path = web
        .get("dockerfilePath")
        .expect("render.yaml: dockerfilePath");
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(path).is_file(),
        "render.yaml: dockerfilePath {path} is not a file"
    );
}

#[test]
fn render_yaml_declares_a_private_noeviction_key_value_for_redis_url() {
    let kv = services_of_type("keyvalue");
    assert_eq!(kv.len(), 1, "render.yaml: one Key Value");
    let kv = &kv[0];
    for (key, want) in [
        ("plan", "free"),
        // The web service's region: the private network does not cross regions.
        ("region", "frankfurt"),
        // Empty: reachable from Render's private network only, never from the internet.
        ("ipAllowList", "[]"),
        // Claims and queued work must never be evicted; caches are bounded by their TTLs.
        ("maxmemoryPolicy", "noeviction"),
    ] {
        assert_eq!(
            kv.get(key).map(String::as_str),
            Some(want),
            "Key Value: {key}"
        );
    }
    let name = kv.get("name").expect("Key Value: name");
    let entries = render_entries();
    let redis = entries
        .iter()
        .find(|e| e.get("key") == Some("REDIS_URL"))
        .expect("render.yaml: REDIS_URL");
    for (field, want) in [
        ("fromService.type", "keyvalue"),
        ("fromService.name", name.as_str()),
        ("fromService.property", "connectionString"),
    ] {
        assert_eq!(redis.get(field), Some(want), "REDIS_URL: {field}");
    }
}

// ---- .env.example -----------------------------------------------------------------------------

#[test]
fn env_example_lists_every_variable_without_a_value() {
    let text = read(".env.example");
    let mut problems = Vec::new();
    let mut names = Vec::new();
    let mut previous = "";
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        let n = i + 1;
        if !line.is_empty() && !line.starts_with('#') {
            match line.split_once('=') {
                Some((name, "")) if !name.is_empty() && !name.contains(char::is_whitespace) => {
                    names.push(name.to_string());
                    if let Some(var) = variable(name) {
                        let comment = format!("# {}", var.doc);
                        if previous != comment {
                            problems.push(format!(
                                ".env.example:{n}: {name} must follow its doc as one comment line: `{comment}`"
                            ));
                        }
                    }
                }
                // The value is not printed: it might be a real secret pasted by mistake.
                Some((name, _)) => problems.push(format!(
                    ".env.example:{n}: {} has a value; the example leaves every value empty",
                    name.trim()
                )),
                None => problems.push(format!(".env.example:{n}: not `NAME=`: `{line}`")),
            }
        }
        previous = line;
    }
    problems.extend(differences(".env.example", &names));
    assert_no_problems(&problems);
}

// ---- docs -------------------------------------------------------------------------------------

/// Every `docs/*.md`, as (file name, text).
fn docs() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut docs: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot list docs/: {err}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            let name = format!("docs/{}", p.file_name().unwrap().to_string_lossy());
            let text = std::fs::read_to_string(&p)
                .unwrap_or_else(|err| panic!("cannot read {name}: {err}"));
            (name, text)
        })
        .collect();
    docs.sort();
    docs
}

/// Whether `text` has `name` as a whole word (so `PORT` is not found in `REPORT`).
fn mentions(text: &str, name: &str) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    text.match_indices(name).any(|(at, _)| {
        let before = text.as_bytes()[..at].last().copied();
        let after = text.as_bytes().get(at + name.len()).copied();
        !before.is_some_and(word) && !after.is_some_and(word)
    })
}

#[test]
fn every_variable_is_documented() {
    let docs = docs();
    let problems: Vec<String> = VARIABLES
        .iter()
        .filter(|v| !docs.iter().any(|(_, text)| mentions(text, v.name)))
        .map(|v| format!("docs: {} appears in no docs/*.md", v.name))
        .collect();
    assert_no_problems(&problems);
}

/// A table cell: `|` would end it early.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The row docs/RENDER-DEPLOY.md must have for `var`.
fn table_row(var: &Variable, entries: &[Entry]) -> String {
    let default = if var.default.is_empty() {
        "(unset)".to_string()
    } else {
        format!("`{}`", var.default)
    };
    format!(
        "| `{}` | {} | {} | {} | {} | {} |",
        var.name,
        cell(&default),
        cell(var.accepts),
        if var.secret { "yes" } else { "no" },
        cell(&render_cell(entries, var.name)),
        cell(var.doc)
    )
}

#[test]
fn render_deploy_doc_has_a_row_for_exactly_every_variable() {
    let file = "docs/RENDER-DEPLOY.md";
    let text = read(file);
    let entries = render_entries();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| *l == TABLE_HEADER)
        .unwrap_or_else(|| panic!("{file}: no variables table; its header is `{TABLE_HEADER}`"));
    let rows: Vec<&str> = lines[start + 2..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .copied()
        .collect();
    let mut problems = Vec::new();
    let mut names = Vec::new();
    for row in rows {
        let first = row.trim_start_matches('|').split('|').next().unwrap_or("");
        let name = first.trim().trim_matches('`').to_string();
        if let Some(var) = variable(&name) {
            let expected = table_row(var, &entries);
            if row != expected {
                problems.push(format!(
                    "{file}: the row of {name} is out of date (VARIABLES or render.yaml changed); \
                     expected:\n{expected}"
                ));
            }
        }
        names.push(name);
    }
    problems.extend(differences(&format!("{file} (variables table)"), &names));
    assert_no_problems(&problems);
}

// ---- Dockerfile and toolchain -----------------------------------------------------------------

/// The Dockerfile's instructions: comments dropped, continuation lines joined.
fn dockerfile() -> Vec<String> {
    let mut instructions = Vec::new();
    let mut current = String::new();
    for line in read("Dockerfile").lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let (text, continues) = match line.trim_end().strip_suffix('\\') {
            Some(text) => (text, true),
            None => (line.trim_end(), false),
        };
        current.push_str(text.trim());
        current.push(' ');
        if !continues {
            let instruction = current.split_whitespace().collect::<Vec<_>>().join(" ");
            if !instruction.is_empty() {
                instructions.push(instruction);
            }
            current.clear();
        }
    }
    instructions
}

/// The instructions of the last stage (the image that runs).
fn runtime_stage(instructions: &[String]) -> &[String] {
    let last_from = instructions
        .iter()
        .rposition(|i| i.to_ascii_uppercase().starts_with("FROM "))
        .expect("Dockerfile: no FROM");
    &instructions[last_from..]
}

fn toolchain_channel() -> String {
    let text = read("rust-toolchain.toml");
    text.lines()
        .filter_map(|l| l.split_once('='))
        .find(|(k, _)| k.trim() == "channel")
        .map(|(_, v)| unquote(v))
        .expect("rust-toolchain.toml: no channel")
}

#[test]
fn dockerfile_builds_like_verify_sh() {
    let instructions = dockerfile();
    assert!(
        instructions
            .iter()
            .any(|i| i.starts_with("RUN ") && i.contains(BUILD)),
        "Dockerfile: no RUN with `{BUILD}`, the command scripts/verify.sh builds with"
    );
    let verify = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/verify.sh");
    if verify.is_file() {
        assert!(
            read("scripts/verify.sh").contains(BUILD),
            "scripts/verify.sh no longer runs `{BUILD}`: the Dockerfile and it must build alike"
        );
    }
}

#[test]
fn dockerfile_builder_is_the_pinned_toolchain() {
    let channel = toolchain_channel();
    assert!(
        channel.split('.').count() == 3 && channel.split('.').all(|p| p.parse::<u32>().is_ok()),
        "rust-toolchain.toml: channel `{channel}` is not an exact version like 1.95.0"
    );
    let instructions = dockerfile();
    let image = instructions
        .iter()
        .filter(|i| i.to_ascii_uppercase().starts_with("FROM "))
        .filter_map(|i| i.split_whitespace().skip(1).find(|w| !w.starts_with("--")))
        .find_map(|image| {
            image
                .strip_prefix("rust:")
                .or_else(|| image.strip_prefix("docker.io/library/rust:"))
        })
        .expect("Dockerfile: no builder stage FROM rust:<version>");
    let version = image.split(['-', '@']).next().unwrap_or(image);
    assert_eq!(
        version, channel,
        "the Dockerfile builds with rust:{image}, rust-toolchain.toml pins {channel}"
    );
}

#[test]
fn dockerfile_runs_as_non_root_on_the_render_port_with_a_healthcheck() {
    let instructions = dockerfile();
    let runtime = runtime_stage(&instructions);
    let render_port = render_entries()
        .iter()
        .find(|e| e.get("key") == Some("PORT"))
        .and_then(|e| e.get("value").map(str::to_string))
        .expect("render.yaml: PORT has a value");
    let find = |prefix: &str| runtime.iter().find(|i| i.starts_with(prefix));
    let env_port = find("ENV PORT")
        .map(|i| {
            i["ENV PORT".len()..]
                .trim_start_matches(['=', ' '])
                .to_string()
        })
        .expect("Dockerfile: the runtime stage sets no default PORT (ENV PORT=…)");
    assert_eq!(
        env_port, render_port,
        "Dockerfile ENV PORT vs render.yaml PORT"
    );
    let expose = find("EXPOSE ").expect("Dockerfile: no EXPOSE");
    assert_eq!(expose, &format!("EXPOSE {render_port}"));
    let user = find("USER ").expect("Dockerfile: the runtime stage sets no USER");
    let user = user["USER ".len()..].split(':').next().unwrap_or("");
    assert!(
        !["root", "0", ""].contains(&user),
        "Dockerfile: runs as `{user}`"
    );
    let healthcheck = find("HEALTHCHECK ").expect("Dockerfile: no HEALTHCHECK");
    assert!(
        healthcheck.contains("CMD") && healthcheck.contains("\"healthcheck\""),
        "Dockerfile: HEALTHCHECK should run `clara healthcheck`: {healthcheck}"
    );
}

// ---- .dockerignore ----------------------------------------------------------------------------

/// Whether `text` matches the glob `pattern` within one path segment (`*` and `?`).
fn glob_segment(pattern: &[u8], text: &[u8]) -> bool {
    match (pattern.split_first(), text.split_first()) {
        (None, None) => true,
        (Some((b'*', rest)), _) => {
            glob_segment(rest, text) || (!text.is_empty() && glob_segment(pattern, &text[1..]))
        }
        (Some((b'?', rest)), Some((_, text))) => glob_segment(rest, text),
        (Some((p, rest)), Some((t, text))) if p == t => glob_segment(rest, text),
        _ => false,
    }
}

/// Whether the path segments match the pattern segments, `**` standing for any number of them.
fn glob_path(pattern: &[&str], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => (0..=path.len()).any(|skip| glob_path(rest, &path[skip..])),
        Some((first, rest)) => path.split_first().is_some_and(|(segment, path)| {
            glob_segment(first.as_bytes(), segment.as_bytes()) && glob_path(rest, path)
        }),
    }
}

/// Whether Docker leaves `path` (relative to the context) out, by `.dockerignore`'s rules: the
/// last matching line decides, `!` lines bring paths back, and a matched directory takes
/// everything under it.
fn docker_ignores(dockerignore: &str, path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    let mut ignored = false;
    for line in dockerignore.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (keep, pattern) = match line.strip_prefix('!') {
            Some(pattern) => (true, pattern),
            None => (false, line),
        };
        let pattern: Vec<&str> = pattern
            .trim_matches('/')
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        if (1..=segments.len()).any(|n| glob_path(&pattern, &segments[..n])) {
            ignored = !keep;
        }
    }
    ignored
}

/// The literal paths of `include_str!` / `include_bytes!` in `file`, relative to the crate root.
fn included_files(file: &Path, root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let dir = file.parent().unwrap().strip_prefix(root).unwrap();
    let mut found = Vec::new();
    for macro_name in ["include_str!(\"", "include_bytes!(\""] {
        for (at, _) in text.match_indices(macro_name) {
            let rest = &text[at + macro_name.len()..];
            let Some(end) = rest.find('"') else { continue };
            let mut parts: Vec<String> = dir
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            for part in rest[..end].split('/') {
                match part {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    part => parts.push(part.to_string()),
                }
            }
            found.push(parts.join("/"));
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn dockerignore_keeps_what_the_build_reads_and_drops_secrets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ignore = read(".dockerignore");
    // The manifest and its targets, build.rs and its inputs, and every file the crate includes.
    let mut needed: Vec<String> = [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "src/main.rs",
        "src/lib.rs",
        "src/kb/compile.rs",
        "src/kb/normalize.rs",
        "src/kb/schema.rs",
        "benches/responder.rs",
        "data",
        "audio",
    ]
    .map(String::from)
    .to_vec();
    let mut sources = vec![root.join("build.rs")];
    rust_files(&root.join("src"), &mut sources);
    for file in &sources {
        needed.extend(included_files(file, root));
    }
    let mut problems = Vec::new();
    for path in &needed {
        if !root.join(path).exists() {
            problems.push(format!("{path}: read by the build but not found"));
        } else if docker_ignores(&ignore, path) {
            problems.push(format!(
                ".dockerignore: {path} is read by the build but left out of the image's context"
            ));
        }
    }
    for path in [
        ".env",
        ".git/config",
        "target/release/clara",
        "docs/evidence/run.md",
        "miss-journal.jsonl",
        "logs/dead-letters.jsonl",
        "rust-toolchain.toml",
    ] {
        if !docker_ignores(&ignore, path) {
            problems.push(format!(".dockerignore: {path} must stay out of the image"));
        }
    }
    assert_no_problems(&problems);
}

#[test]
fn the_dockerignore_matcher_follows_docker() {
    let rules = "# comment\ntarget\n/docs/\n**/*.jsonl\n*.log\n!keep.log\n";
    assert!(docker_ignores(rules, "target"));
    assert!(docker_ignores(rules, "target/release/clara"));
    assert!(!docker_ignores(rules, "src/target.rs"));
    assert!(docker_ignores(rules, "docs/a/b.md"));
    assert!(docker_ignores(rules, "a.jsonl") && docker_ignores(rules, "x/y/a.jsonl"));
    assert!(docker_ignores(rules, "debug.log"));
    assert!(
        !docker_ignores(rules, "sub/debug.log"),
        "`*.log` is anchored at the root"
    );
    assert!(!docker_ignores(rules, "keep.log"));
}

// ---- the health probe -------------------------------------------------------------------------

#[tokio::test]
async fn the_healthcheck_passes_against_the_real_server() {
    let server = util::Server::start(&[]).await;
    let addr = server.addr;
    let outcome = tokio::task::spawn_blocking(move || {
        clara::cli::healthcheck::check(addr, clara::cli::healthcheck::TIMEOUT)
    })
    .await
    .unwrap();
    assert_eq!(outcome, Ok(()));
    server.stop().await;
}

#[tokio::test]
async fn the_healthcheck_fails_once_the_server_has_stopped() {
    let server = util::Server::start(&[]).await;
    let addr = server.addr;
    server.stop().await;
    let outcome = tokio::task::spawn_blocking(move || {
        clara::cli::healthcheck::check(addr, Duration::from_secs(2))
    })
    .await
    .unwrap();
    let err = outcome.unwrap_err();
    assert!(err.starts_with("cannot connect"), "{err}");
}

// ---- the reader itself ------------------------------------------------------------------------

#[test]
fn the_render_yaml_reader_handles_the_usual_shapes() {
    let text = "\
services:
  - type: web
    envVars:   # comment
    - key: A
      value: \"x # not a comment\"
    - key: 'B'
      sync: false # prompted
    -
      key: C
      value: 3
    name: after
  - type: worker
    envVars:
      - key: D
        value: y
";
    let entries = env_entries(text).unwrap();
    let keys: Vec<_> = entries.iter().map(|e| e.get("key").unwrap()).collect();
    assert_eq!(keys, ["A", "B", "C", "D"]);
    assert_eq!(entries[0].get("value"), Some("x # not a comment"));
    assert_eq!(entries[1].get("sync"), Some("false"));
    assert_eq!(entries[2].get("value"), Some("3"));
    let nested = "\
envVars:
  - key: R
    fromService: # wired
      type: keyvalue
      name: kv
      property: connectionString
  - key: S
    value: z
";
    let entries = env_entries(nested).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].get("fromService"), Some(""));
    assert_eq!(entries[0].get("fromService.name"), Some("kv"));
    assert_eq!(entries[0].get("name"), None);
    assert_eq!(entries[1].get("value"), Some("z"));
    assert_eq!(entries[1].get("fromService.name"), None);
    let listed = services(
        "services:\n  - type: web\n    envVars:\n      - key: A\n        value: 1\n  - type: keyvalue\n    ipAllowList: []\nother:\n  - type: x\n",
    );
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[0].get("key"), None);
    assert_eq!(listed[1].get("ipAllowList").map(String::as_str), Some("[]"));
    assert!(env_entries("envVars: [{key: A}]").is_err());
    assert!(env_entries("envVars:\n  - key: A\n    key: B\n").is_err());
}
