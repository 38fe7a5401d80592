#!/usr/bin/env python3
"""Regenerates tests/fixtures/twilio-oai/messages_create.json, the contract fixture of
tests/twilio.rs, from Twilio's full OpenAPI description (twilio_api_v2010.json, ~1.8 MB).

It keeps only what the contract test reads: the POST of
/2010-04-01/Accounts/{AccountSid}/Messages.json, every component it references (followed
transitively), the security schemes, the servers and the info block (licence included). The
example account SIDs become the placeholder {AccountSid}.

Run it when Twilio publishes a new description (or the client starts sending a new field):
    scripts/trim-twilio-oai.py [path/to/twilio_api_v2010.json]
The default input is ../shared/twilio-oai/twilio_api_v2010.json (the workspace copy); the
output is written with sorted keys so that a diff shows only what Twilio changed.
"""
import json
import pathlib
import re
import sys

OPERATION = "/2010-04-01/Accounts/{AccountSid}/Messages.json"
# Twilio's examples use account SIDs of the real shape (AC + 32 characters). They are fake, but a
# credential scanner cannot tell: the fixture names the placeholder instead. The contract test
# reads no account SID from the examples.
EXAMPLE_ACCOUNT_SID = re.compile(r"AC[0-9a-zA-Z]{32}")
PLACEHOLDER = "{AccountSid}"
ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "twilio-oai" / "twilio_api_v2010.json"
TARGET = ROOT / "tests" / "fixtures" / "twilio-oai" / "messages_create.json"


def refs(node):
    """Every local $ref below node."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def main():
    source = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    full = json.loads(source.read_text(encoding="utf-8"))
    path_item = full["paths"][OPERATION]
    kept_path = {k: v for k, v in path_item.items() if k != "get"}
    out = {
        "openapi": full["openapi"],
        "info": full["info"],
        "servers": full["servers"],
        "security": full.get("security", []),
        "paths": {OPERATION: kept_path},
        "components": {"securitySchemes": full["components"]["securitySchemes"]},
    }
    pending = list(refs(kept_path))
    seen = set()
    while pending:
        ref = pending.pop()
        if ref in seen:
            continue
        seen.add(ref)
        if not ref.startswith("#/components/"):
            sys.exit(f"non-local $ref {ref}")
        _, _, section, name = ref.split("/", 3)
        node = full["components"][section][name]
        out["components"].setdefault(section, {})[name] = node
        pending.extend(refs(node))
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    text = EXAMPLE_ACCOUNT_SID.sub(PLACEHOLDER, text)
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size} bytes, {len(seen)} components")


if __name__ == "__main__":
    main()
