//! Validation of SARIF logs against the official SARIF 2.1.0 schema
//! (`tests/data/`), for the tests of `check --format sarif`.

/// The language pattern of the official schema (`run.language`,
/// `toolComponent.language`) has a stray `]` that regex checkers reject (a
/// known erratum; secondhand never writes `language`).
const BROKEN_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

/// Drops every `"pattern": BROKEN_PATTERN` keyword; returns how many.
pub fn drop_broken_patterns(value: &mut serde_json::Value) -> usize {
    match value {
        serde_json::Value::Object(map) => {
            let mut n = 0;
            if map.get("pattern").and_then(|p| p.as_str()) == Some(BROKEN_PATTERN) {
                map.remove("pattern");
                n += 1;
            }
            n + map.values_mut().map(drop_broken_patterns).sum::<usize>()
        }
        serde_json::Value::Array(items) => items.iter_mut().map(drop_broken_patterns).sum(),
        _ => 0,
    }
}

/// The official schema, less its broken language patterns.
pub fn sarif_validator() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/sarif-schema-2.1.0.json"
    );
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the SARIF schema"))
            .expect("schema JSON");
    assert_eq!(
        drop_broken_patterns(&mut schema),
        2,
        "the schema's language patterns changed: revisit this workaround"
    );
    jsonschema::draft7::new(&schema).expect("a valid schema")
}

pub fn schema_errors(validator: &jsonschema::Validator, sarif: &str) -> Vec<String> {
    let log: serde_json::Value = serde_json::from_str(sarif).expect("SARIF is JSON");
    validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}
