//! Writes index.html's first screen (`quizdeck::ui::first_screen::render`) to the file named by
//! the first argument. Run by Trunk's pre_build hook (Trunk.toml) before every build.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <output.html>");
        return ExitCode::FAILURE;
    };
    let html = quizdeck::ui::first_screen::render();
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
