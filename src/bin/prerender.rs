//! Writes what the build makes from the decks compiled in, before Trunk builds the page (its
//! pre_build hook, Trunk.toml): index.html's first screen (`quizdeck::ui::first_screen::render`)
//! to the file named by the first argument, and the installed app's manifest, with every deck's
//! shortcuts (`quizdeck::ui::manifest::render`), to the second.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;

    use quizdeck::deck::DECKS;

    let outputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [first_screen, manifest] = outputs.as_slice() else {
        eprintln!("usage: prerender <first-screen.html> <manifest.webmanifest>");
        return ExitCode::FAILURE;
    };
    // Trunk gives its hooks the public URL the build is for; its links must point under it.
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let template = include_str!("../../assets/manifest.webmanifest");
    let manifest_json = match quizdeck::ui::manifest::render(template, DECKS) {
        Ok(json) => json,
        Err(error) => {
            eprintln!("prerender: assets/manifest.webmanifest: {error}");
            return ExitCode::FAILURE;
        }
    };
    let outputs = [
        (first_screen, quizdeck::ui::first_screen::render(&base)),
        (manifest, manifest_json),
    ];
    for (out, contents) in outputs {
        let written = out
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(out, contents));
        if let Err(error) = written {
            eprintln!("prerender: cannot write {}: {error}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// The render runs at build time, natively; a wasm build of this binary (which `cargo test
/// --target wasm32-unknown-unknown` makes, as it builds every binary) has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
