//! `cargo xtask`: the project's build, serve, test, bench and fuzz orchestration.
//!
//! Every command installs what it needs and is missing (wasm target, Chromium from Debian,
//! wasm-bindgen-cli, wasm-pack, npm packages), so a fresh machine needs nothing by hand.
//! See `../shared/TOOLCHAIN.md` for why each tool is installed the way it is.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

/// The opt-level and wasm-opt level of each module are in [`wasm_profile`].
///
/// std is rebuilt for the wasm with panics that abort at once and no panic locations
/// (`-Zbuild-std`, `-Cpanic=immediate-abort`, `-Zlocation-detail=none`): std's panic and
/// formatting machinery is most of what is left in the search module. These are unstable flags,
/// enabled on the stable toolchain with `RUSTC_BOOTSTRAP=1` because no nightly can be fetched
/// on this machine kind (ARCHITECTURE.md, build notes). A panic was already a bug (the code
/// returns errors for bad input); it now traps without a message instead of printing one.
///
/// The wasm builds get their own target folder: proc-macro2's build script watches
/// `RUSTC_BOOTSTRAP`, so sharing `target/` with the native builds would rebuild every proc
/// macro and what uses it each time one follows the other.
const WASM_ENV: &[(&str, &str)] = &[
    ("RUSTC_BOOTSTRAP", "1"),
    (
        "RUSTFLAGS",
        "-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none",
    ),
];

/// The wasm builds' target folder, under the workspace's `target/` (see `WASM_ENV`).
const WASM_TARGET_DIR: &str = "target/wasm-std";

/// The cargo arguments that rebuild std with those flags (needs the `rust-src` component).
const WASM_BUILD_STD: &str = "-Zbuild-std=std,panic_abort";

/// The wasm-bindgen version the `wasm-bindgen` crate is pinned to (workspace Cargo.toml).
const WASM_BINDGEN_VERSION: &str = "0.2.130";

const HELP: &str = "\
cargo xtask <command>

  serve        build everything and serve the help page on http://127.0.0.1:8080
  serve --watch  the same, re-indexing content/ and reassembling web/ on change, pages reload
  test         run every test (Rust, wasm in Chromium, widget) — installs what is missing
  dist         build the static site into web/dist/
  wasm         build the wasm modules (search, rules) into web/pkg/
  index        build the search index into index/
  bench        run the benchmarks and print the figures
  bench --peers  adcredit vs Pagefind and MiniSearch on the same content (writes bench/results.md)
  fuzz [SECS]  run each fuzz target for SECS seconds (default 60; needs nightly)
  setup        only install the toolchain pieces
";

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("dist") => setup(Need::Build).and_then(|()| dist()),
        Some("wasm") => setup(Need::Build).and_then(|()| wasm()),
        Some("index") => index(),
        Some("bench") => bench(&args[1..]),
        Some("fuzz") => fuzz(args.get(1).map(String::as_str)),
        Some("setup") => setup(Need::Test),
        _ => {
            print!("{HELP}");
            std::process::exit(if args.is_empty() { 0 } else { 2 });
        }
    };
    if let Err(e) = result {
        eprintln!("xtask: error: {e:#}");
        std::process::exit(1);
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

fn step(what: &str) {
    println!("\n\x1b[1m==> {what}\x1b[0m");
}

/// Run a command in `dir`, failing with its name when it fails.
fn run(dir: &Path, program: &str, args: &[&str]) -> Result<()> {
    run_env(dir, program, args, &[])
}

fn run_env(dir: &Path, program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result<()> {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir).envs(envs.iter().copied());
    cmd.env("PATH", path_with_tools());
    let status = cmd
        .status()
        .with_context(|| format!("cannot start {program}"))?;
    if !status.success() {
        bail!("`{program} {}` failed ({status})", args.join(" "));
    }
    Ok(())
}

/// PATH with cargo's bin dir and the npm tools (wasm-opt from npm binaryen) first.
fn path_with_tools() -> String {
    let mut parts = vec![root().join("web/node_modules/.bin").display().to_string()];
    if let Some(home) = env::var_os("CARGO_HOME")
        .or_else(|| env::var_os("HOME").map(|h| Path::new(&h).join(".cargo").into()))
    {
        parts.push(Path::new(&home).join("bin").display().to_string());
    }
    parts.push(env::var("PATH").unwrap_or_default());
    parts.join(":")
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .env("PATH", path_with_tools())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn have(program: &str) -> bool {
    output("sh", &["-c", &format!("command -v {program}")]).is_some()
}

#[derive(PartialEq, PartialOrd)]
enum Need {
    /// wasm target, wasm-bindgen, wasm-pack, npm packages.
    Build,
    /// Build, plus Chromium and ChromeDriver.
    Test,
}

/// Install what is missing. Each check is cheap when the tool is already there.
fn setup(need: Need) -> Result<()> {
    let root = root();
    let targets = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        step("installing the wasm32-unknown-unknown target");
        run(
            &root,
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
        )?;
    }
    let components = output("rustup", &["component", "list", "--installed"]).unwrap_or_default();
    if !components.lines().any(|l| l.trim() == "rust-src") {
        step("installing rust-src (std is rebuilt for the wasm modules)");
        run(&root, "rustup", &["component", "add", "rust-src"])?;
    }
    let wb = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if !wb.contains(WASM_BINDGEN_VERSION) {
        step("installing wasm-bindgen-cli (about 3 minutes, once)");
        // Not --locked: its lock file wants a crate version the registry lacks (TOOLCHAIN.md).
        run(
            &root,
            "cargo",
            &[
                "install",
                "wasm-bindgen-cli",
                "--version",
                WASM_BINDGEN_VERSION,
                "--force",
            ],
        )?;
    }
    if !have("wasm-pack") {
        step("installing wasm-pack (about 3 minutes, once)");
        run(&root, "cargo", &["install", "wasm-pack", "--locked"])?;
    }
    if need >= Need::Test
        && !(Path::new("/usr/bin/chromium").exists() && Path::new("/usr/bin/chromedriver").exists())
    {
        step("installing Chromium and ChromeDriver from Debian");
        let sudo = if output("id", &["-u"]).is_some_and(|u| u.trim() == "0") {
            ""
        } else {
            "sudo "
        };
        run(
            &root,
            "sh",
            &[
                "-c",
                &format!("{sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive {sudo}apt-get install -y -qq chromium chromium-driver"),
            ],
        )?;
    }
    let web = root.join("web");
    if web.join("package-lock.json").exists() && !npm_up_to_date(&web) {
        step("installing npm packages (web/)");
        run(&web, "npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    // The site-owner test's small help center, built by Eleventy (web/tests/site.spec.mjs).
    let site = root.join("tests/site");
    if need >= Need::Test && site.join("package-lock.json").exists() && !npm_up_to_date(&site) {
        step("installing Eleventy for the site-owner test (npm ci in tests/site/)");
        run(&site, "npm", &["ci", "--no-audit", "--no-fund"])?;
    }
    Ok(())
}

/// Whether `<dir>/node_modules` was installed from the current lock file.
fn npm_up_to_date(web: &Path) -> bool {
    let (Ok(lock), Ok(installed)) = (
        std::fs::metadata(web.join("package-lock.json")).and_then(|m| m.modified()),
        std::fs::metadata(web.join("node_modules/.package-lock.json")).and_then(|m| m.modified()),
    ) else {
        return false;
    };
    installed >= lock
}

/// The two wasm modules, each built from `adcredit-wasm` with one feature:
/// `search` (what the first answer needs) and `rules` (checkPlan, canMove, the move part of ask).
const WASM_MODULES: &[&str] = &["search", "rules"];

/// Each module's rustc opt-level and wasm-opt level.
///
/// - `search`, what the first answer downloads: size over speed, opt-level "z" + `wasm-opt -Oz`
///   (measured on the one module of the time: 368 KB raw / 155 KB gzip against 432 KB / 179 KB
///   for opt-level 3).
/// - `rules`, fetched on the first check, can-move or move question: speed, opt-level 3 +
///   `wasm-opt -O3`. Measured here (issue 12, Chromium): decoding, checking and encoding a
///   10,000-line plan take 5.4 + 7.6 + 11.1 ms instead of 16.4 + 17.1 + 21.1 ms at "z", for
///   329 → 435 KB raw, 137 → 170 KB gzip (README, "Size of what ships"). opt-level 3 with
///   `wasm-opt -Oz` came out no smaller (176.7 against 176.3 KB gzip).
fn wasm_profile(module: &str) -> (&'static str, &'static str) {
    match module {
        "rules" => ("3", "-O3"),
        _ => ("z", "-Oz"),
    }
}

/// The wasm modules into `web/pkg/<module>/`, optimised with npm binaryen's wasm-opt.
fn wasm() -> Result<()> {
    let root = root();
    // wasm-pack runs cargo in the crate's folder: the target folder must be absolute.
    let target_dir = root.join(WASM_TARGET_DIR).display().to_string();
    for module in WASM_MODULES {
        let (opt_level, wasm_opt) = wasm_profile(module);
        let mut envs = WASM_ENV.to_vec();
        envs.push(("CARGO_TARGET_DIR", &target_dir));
        envs.push(("CARGO_PROFILE_RELEASE_OPT_LEVEL", opt_level));
        step(&format!(
            "building the {module} wasm module (wasm-pack, release, opt-level {opt_level})"
        ));
        let out_dir = format!("../../web/pkg/{module}");
        let out_name = format!("adcredit_{module}");
        run_env(
            &root,
            "wasm-pack",
            &[
                "build",
                "crates/adcredit-wasm",
                "--release",
                "--target",
                "web",
                "--mode",
                "no-install",
                "--out-dir",
                &out_dir,
                "--out-name",
                &out_name,
                "--no-pack",
                "--",
                "--no-default-features",
                "--features",
                module,
                WASM_BUILD_STD,
            ],
            &envs,
        )?;
        let wasm = root.join(format!("web/pkg/{module}/adcredit_{module}_bg.wasm"));
        let opt = root.join("web/node_modules/.bin/wasm-opt");
        if opt.exists() {
            step(&format!(
                "optimising with wasm-opt {wasm_opt} (npm binaryen)"
            ));
            let w = wasm.display().to_string();
            run(
                &root,
                &opt.display().to_string(),
                &[
                    wasm_opt,
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                    "--enable-sign-ext",
                    "--enable-mutable-globals",
                    &w,
                    "-o",
                    &w,
                ],
            )?;
        } else {
            println!("note: web/node_modules/.bin/wasm-opt is missing (npm ci in web/); the module is not size-optimised");
        }
        let size = std::fs::metadata(&wasm).map(|m| m.len()).unwrap_or(0);
        println!("{}: {size} bytes", wasm.display());
    }
    Ok(())
}

/// The release CLI, wherever cargo puts its builds (`CARGO_TARGET_DIR` or `target/`).
fn cli_binary() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
        .join("release/adcredit")
}

/// The search index and bundle into index/.
fn index() -> Result<()> {
    let root = root();
    step("building the adcredit CLI (release)");
    run(
        &root,
        "cargo",
        &["build", "--release", "-p", "adcredit-cli"],
    )?;
    step("indexing content/");
    run(
        &root,
        &cli_binary().display().to_string(),
        &["index", "--content", "content", "--out", "index"],
    )
}

/// The static site into web/dist/.
fn dist() -> Result<()> {
    wasm()?;
    index()?;
    assemble()
}

/// web/dist/ from the built wasm, the index and web/src (web/build.mjs).
fn assemble() -> Result<()> {
    step("assembling web/dist/");
    run(
        &root(),
        "node",
        &[
            "web/build.mjs",
            "--pkg",
            "web/pkg",
            "--bundle",
            "index/adcredit.bundle",
            "--out",
            "web/dist",
        ],
    )
}

fn serve(args: &[String]) -> Result<()> {
    setup(Need::Build)?;
    dist()?;
    if !args.iter().any(|a| a == "--watch") {
        step("serving web/dist on http://127.0.0.1:8080 (Ctrl+C to stop)");
        return run(
            &root(),
            "node",
            &["web/serve.mjs", "--dir", "web/dist", "--port", "8080"],
        );
    }
    watch()
}

/// `serve --watch`: serves web/dist with live reload, re-indexes when content/ changes and
/// reassembles web/dist when web/ changes; a failed rebuild is printed and the last good
/// site stays served. (The Rust crates are not watched: rerun `cargo xtask serve`.)
fn watch() -> Result<()> {
    let root = root();
    step("serving web/dist on http://127.0.0.1:8080 with live reload; watching content/ and web/ (Ctrl+C to stop)");
    let mut server = Command::new("node")
        .args([
            "web/serve.mjs",
            "--dir",
            "web/dist",
            "--port",
            "8080",
            "--live",
        ])
        .current_dir(&root)
        .spawn()
        .context("cannot start node web/serve.mjs")?;
    let content = [root.join("content")];
    let web = [
        root.join("web/src"),
        root.join("web/build.mjs"),
        root.join("web/EMBEDDING.md"),
    ];
    let (mut seen_content, mut seen_web) = (stamp(&content), stamp(&web));
    loop {
        std::thread::sleep(std::time::Duration::from_millis(400));
        if let Some(status) = server.try_wait()? {
            bail!("web/serve.mjs stopped ({status})");
        }
        let (now_content, now_web) = (stamp(&content), stamp(&web));
        if now_content == seen_content && now_web == seen_web {
            continue;
        }
        let result = if now_content != seen_content {
            index().and_then(|()| assemble())
        } else {
            assemble()
        };
        (seen_content, seen_web) = (now_content, now_web);
        match result {
            Ok(()) => println!("rebuilt: the open pages reload"),
            Err(e) => eprintln!("xtask: rebuild failed, still serving the last good build: {e:#}"),
        }
    }
}

/// Paths, sizes and modification times of every file under `paths`, sorted.
fn stamp(paths: &[PathBuf]) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = paths.to_vec();
    while let Some(p) = stack.pop() {
        if let Ok(entries) = std::fs::read_dir(&p) {
            stack.extend(entries.flatten().map(|e| e.path()));
        } else if let Ok(m) = std::fs::metadata(&p) {
            out.push((p, m.len(), m.modified().ok()));
        }
    }
    out.sort();
    out
}

fn test() -> Result<()> {
    let started = Instant::now();
    let root = root();
    setup(Need::Test)?;
    let mut passed = 0;

    step("Rust tests (every crate: rules fixtures, malformed inputs, properties, search parity and quality)");
    run(
        &root,
        "cargo",
        &["test", "--workspace", "--", "--show-output"],
    )?;
    passed += 1;

    step("the search crate builds for wasm32");
    run(
        &root,
        "cargo",
        &[
            "build",
            "-p",
            "adcredit-search",
            "--target",
            "wasm32-unknown-unknown",
            "--release",
        ],
    )?;
    passed += 1;

    dist()?;
    passed += 1;

    step("the published adcredit.d.ts type-checks a consumer with tsc --strict");
    run(
        &root.join("web"),
        "npx",
        &["tsc", "-p", "tsconfig.consumer.json"],
    )?;
    passed += 1;

    step("browser tests (Playwright, Debian Chromium): wasm parity, widget, accessibility, CSP, a site owner's Eleventy site");
    let bin = cli_binary().display().to_string();
    let root_s = root.display().to_string();
    run_env(
        &root.join("web"),
        "npx",
        &["playwright", "test"],
        &[("ADCREDIT_BIN", &bin), ("ADCREDIT_ROOT", &root_s)],
    )?;
    passed += 1;

    println!(
        "\nxtask test finished in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    println!("suites: {passed} passed, 0 failed");
    Ok(())
}

fn bench(args: &[String]) -> Result<()> {
    let root = root();
    if args.iter().any(|a| a == "--peers") {
        // adcredit side by side with Pagefind and MiniSearch on the same content, in the same
        // headless Chromium: bench/peers/run.mjs prints the table and writes bench/results.md and
        // bench/peers.svg. Other flags (--quick, --reuse) go to the runner.
        let started = Instant::now();
        setup(Need::Test)?;
        step("building the adcredit CLI (release)");
        run(
            &root,
            "cargo",
            &["build", "--release", "-p", "adcredit-cli"],
        )?;
        dist()?;
        let peers = root.join("bench");
        if !npm_up_to_date(&peers) {
            step("installing the peers at their pinned versions (npm ci in bench/)");
            run(&peers, "npm", &["ci", "--no-audit", "--no-fund"])?;
        }
        step("side by side: adcredit, Pagefind, MiniSearch (headless Chromium)");
        let bin = cli_binary().display().to_string();
        let root_s = root.display().to_string();
        let mut node_args = vec!["bench/peers/run.mjs"];
        node_args.extend(args.iter().map(String::as_str).filter(|a| *a != "--peers"));
        run_env(
            &root,
            "node",
            &node_args,
            &[("ADCREDIT_BIN", &bin), ("ADCREDIT_ROOT", &root_s)],
        )?;
        println!(
            "\nxtask bench --peers finished in {:.0} s",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    step("rules core: check of 1k / 10k / 100k allocation lines (criterion)");
    run(
        &root,
        "cargo",
        &["bench", "-p", "adcredit-core", "--bench", "check"],
    )?;
    step("assistant: reading a move question against 1k / 10k / 30k / 100k accounts (criterion)");
    run(
        &root,
        "cargo",
        &["bench", "-p", "adcredit-assistant", "--bench", "ask"],
    )?;
    step("search: bundle scorer vs tantivy, bundle size, 10k-article corpus (criterion)");
    run(&root, "cargo", &["bench", "-p", "adcredit-indexer"])?;
    let browser_bench = root.join("web/bench/run.mjs");
    if browser_bench.exists() {
        setup(Need::Test)?;
        dist()?;
        step("browser: wasm size, init, search and checkPlan latency in headless Chromium");
        run(&root, "node", &["web/bench/run.mjs"])?;
        step("browser: the 10,000-article corpus indexed as a site (sharded) and asked through the API");
        run(&root, "node", &["web/bench/shards.mjs"])?;
    }
    Ok(())
}

fn fuzz(secs: Option<&str>) -> Result<()> {
    let root = root();
    let secs = secs.unwrap_or("60");
    if !have("cargo-fuzz") {
        step("installing cargo-fuzz");
        run(&root, "cargo", &["install", "cargo-fuzz", "--locked"])?;
    }
    index()?; // the question target embeds index/adcredit.bundle
              // Scenarios need room for a few accounts and lines; questions are short.
    for (target, max_len) in [("scenario", "4096"), ("question", "512")] {
        step(&format!("fuzzing `{target}` for {secs} s"));
        // No sanitizer: the crates under test forbid `unsafe` (workspace lint), so
        // AddressSanitizer has nothing to find and would only cost speed; panics, overflows
        // (debug assertions stay on) and timeouts are what the fuzzer catches here.
        run(
            &root.join("fuzz"),
            "cargo",
            &[
                "+nightly",
                "fuzz",
                "run",
                "--sanitizer",
                "none",
                target,
                "--",
                &format!("-max_total_time={secs}"),
                &format!("-max_len={max_len}"),
                "-print_final_stats=1",
            ],
        )?;
    }
    Ok(())
}
