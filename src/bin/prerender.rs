//! Writes index.html's first screen (`quizdeck::ui::first_screen::render`) to the file named by
//! the first argument. Run natively by Trunk's pre_build hook (Trunk.toml) before every build.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::PathBuf;
    use std::process::ExitCode;

    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <output.html>");
        return ExitCode::FAILURE;
    };
    // Trunk gives its hooks the public URL the build is for; its links must point under it.
    let base = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".to_owned());
    let html = quizdeck::ui::first_screen::render(&base);
    let written = out
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| std::fs::write(&out, html));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("prerender: cannot write {}: {error}", out.display());
            ExitCode::FAILURE
        }
    }
}

/// The render runs at build time, natively; a wasm build of this binary (which `cargo test
/// --target wasm32-unknown-unknown` makes, as it builds every binary) has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
