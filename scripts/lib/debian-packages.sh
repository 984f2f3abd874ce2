# Installs the Debian packages named as arguments that are not installed yet.
# Sourced by scripts/build-example and scripts/test; needs root or sudo when something is missing.
install_missing_packages() {
  local missing=()
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: ${missing[*]}" >&2; return 1; }
    sudo="sudo"
  fi
  echo "Installing ${missing[*]} (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # A first install sometimes fails on a .deb that moved on the mirror; try once more.
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
