# Debian packages the project needs, installed with apt when missing (idempotent: nothing happens when all are
# there). Sourced by scripts/run and scripts/test.

# To build and run county-server, township-client and township-desktop (Qt 6 Widgets and Print Support; Qt's
# translation tools and Qt's own translations; poppler-qt6 to print the server's PDFs; its tests use Qt Test, in
# qt6-base-dev too).
FUPIN_BUILD_PACKAGES=(g++ cmake make pkg-config openssl libssl-dev libboost-dev libboost-system-dev libsqlite3-dev
  libmysqlcppconn-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev libargon2-dev libutf8proc-dev
  libjemalloc-dev libcairo2-dev libpango1.0-dev libxlsxwriter-dev fonts-wqy-microhei fonts-hanazono libzip-dev
  libexpat1-dev qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libpoppler-qt6-dev)
# To run the tests: GoogleTest, a private MariaDB and its backup tool (the restore drill), and the tools that read
# printed documents back.
FUPIN_TEST_PACKAGES=(libgtest-dev libgmock-dev mariadb-server mariadb-client mariadb-backup poppler-utils unzip)

ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  # mariadb-server's maintainer scripts try to start a system service; we only want its binaries.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}
