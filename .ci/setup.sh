# Shared set-up for the README's commands (sourced, not run): the local venv and system packages.
# Every step is skipped when already done, so later runs start at once.

VENV=.venv
# What the tests need from the system: Debian's Chromium (real-browser tests), GNOME Keyring
# and D-Bus (real Secret Service tests), binutils (PyInstaller strips and reads the libraries it
# bundles), the libraries and font Qt needs without a screen, and systemd (its `systemd-analyze
# verify` checks the scheduled renewal's user units; `systemctl` is what the app runs).
TEST_PACKAGES="chromium gnome-keyring dbus binutils libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3 fonts-dejavu-core systemd"

say() { printf '%s\n' "$*" >&2; }

missing_packages() {
  local missing="" pkg
  command -v dpkg-query >/dev/null 2>&1 || { echo "$*"; return; }
  for pkg in "$@"; do
    dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null | grep -qx installed || missing="$missing $pkg"
  done
  echo "${missing# }"
}

apt_install() {
  # --no-install-recommends and --no-upgrade: add what is missing, change nothing else.
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing system packages: $missing"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends --no-upgrade $missing >&2
    return 0
  fi
  return 1
}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    say "Creating the virtual environment in $VENV"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      # Debian and Ubuntu ship venv separately.
      local pyver
      pyver=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      apt_install python3-venv "python${pyver}-venv" || {
        say "python3 cannot create a virtual environment: install python3-venv, then run this again."
        return 1
      }
      python3 -m venv "$VENV"
    fi
  fi
}

ensure_python_packages() {
  # One stamp per set of files, so the demo's and the tests' installs do not undo each other.
  local stamp="$VENV/.installed-$(echo "$*" | tr ' /.' '___').sha256" want
  want=$(cat "$@" | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "Installing Python packages from $*"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
    local req
    for req in "$@"; do
      "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$req" >&2
    done
    echo "$want" >"$stamp"
  fi
}
