# Installs whatever is missing to build, serve and test quizdeck, at pinned versions.
# Sourced by scripts/serve and scripts/test; idempotent (each step is skipped when its pinned
# version is already there), non-interactive, and nothing it runs downloads a prebuilt binary:
# everything comes from crates.io, npm, or Debian's packages.

set -euo pipefail

QUIZDECK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
TWIGGY_VERSION=0.7.0
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock, byte for byte.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$QUIZDECK_ROOT/Cargo.lock")"

export PATH="$HOME/.cargo/bin:$QUIZDECK_ROOT/node_modules/.bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# setup_debian_packages [--with-recommends] <package…>
setup_debian_packages() {
  local recommends=--no-install-recommends
  if [ "$1" = --with-recommends ]; then
    recommends=--install-recommends
    shift
  fi
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$recommends" "${missing[@]}"
}

# cargo_install_pinned <binary> <crate> <version> [cargo install flags…]
cargo_install_pinned() {
  local binary=$1 crate=$2 version=$3
  shift 3
  if command -v "$binary" >/dev/null && "$binary" --version 2>/dev/null | grep -qw "$version"; then
    return
  fi
  log "installing $crate $version from crates.io (a few minutes, once)"
  cargo install "$crate" --version "=$version" --force "$@"
}

setup_rust() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown
  cargo_install_pinned trunk trunk "$TRUNK_VERSION" --locked
  # Not --locked: one of its locked dependency versions is no longer on crates.io.
  cargo_install_pinned wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
  if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$QUIZDECK_ROOT/Trunk.toml"; then
    log "Trunk.toml [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION, as in Cargo.lock"
    exit 1
  fi
  (cd "$QUIZDECK_ROOT" && cargo fetch --locked -q)
}

setup_node() {
  # Decided by the lock file's content, not by file dates (a checkout or a second worktree
  # gives package-lock.json a newer date without changing what it pins).
  local stamp="$QUIZDECK_ROOT/node_modules/.quizdeck-lock.sha256"
  local wanted
  wanted="$(sha256sum "$QUIZDECK_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    log "installing npm packages (package-lock.json)"
    (cd "$QUIZDECK_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$wanted" >"$stamp"
  fi
}

# What serving needs: the Rust toolchain pieces and wasm-opt.
setup_build() {
  setup_rust
  setup_node
}

# twiggy, which says where the wasm's bytes go (scripts/wasm-bytes; not needed to build or test).
setup_twiggy() {
  cargo_install_pinned twiggy twiggy "$TWIGGY_VERSION" --locked
}

# Debian's Chromium alone, for what drives only it through its DevTools protocol (Playwright,
# chrome-launcher) and needs no WebDriver: scripts/bench and scripts/screenshots.
setup_chromium() {
  setup_debian_packages chromium
}

# The other two engines of the end-to-end journeys (tests/engines): Firefox, driven by
# geckodriver (built from crates.io; Mozilla's prebuilt release is not an option here), and
# WebKit, whose WebKitGTK WebDriver (webkit2gtk-driver) drives MiniBrowser (shipped in
# libwebkit2gtk-4.1-0) on an Xvfb display, as it has no headless mode.
setup_engines() {
  # With their recommended packages (fonts, GL and media drivers): that is how the engines
  # suite was verified to run; without them a fresh machine would be an untested setup.
  setup_debian_packages --with-recommends firefox-esr webkit2gtk-driver libwebkit2gtk-4.1-0 xvfb
  cargo_install_pinned geckodriver geckodriver "$GECKODRIVER_VERSION" --locked
  export GECKODRIVER="$HOME/.cargo/bin/geckodriver"
}

# What testing needs on top: browsers and their drivers.
setup_tests() {
  setup_debian_packages chromium chromium-driver
  # The deck's oracle makes a virtualenv; Debian's own Python needs python3-venv for that.
  python3 -c 'import ensurepip' 2>/dev/null || setup_debian_packages python3-venv
  setup_build
  setup_engines
  export CHROMEDRIVER=/usr/bin/chromedriver
}
