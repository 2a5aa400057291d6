#!/usr/bin/env bash
# Put a Developer ID certificate (.p12, base64) into a temporary keychain for codesign.
#
#   MACOS_CERTIFICATE_P12=<base64> MACOS_CERTIFICATE_PASSWORD=<password> \
#       packaging/macos/import_certificate.sh <keychain path>
#
# The CI workflow runs this before packaging/build.py when the signing secrets exist. The
# keychain gets a random password, stays unlocked for six hours, lets codesign use the key
# without a prompt, and is added to the user's search list beside the existing keychains.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 <keychain path>" >&2
    exit 2
fi
KEYCHAIN="$1"
: "${MACOS_CERTIFICATE_P12:?the base64 of the .p12 file}"
: "${MACOS_CERTIFICATE_PASSWORD:?the password of the .p12 file}"

PASSWORD="$(openssl rand -hex 16)"
P12="$(mktemp)"
trap 'rm -f "$P12"' EXIT
printf '%s' "$MACOS_CERTIFICATE_P12" | base64 --decode > "$P12"

security create-keychain -p "$PASSWORD" "$KEYCHAIN"
security set-keychain-settings -lut 21600 "$KEYCHAIN"
security unlock-keychain -p "$PASSWORD" "$KEYCHAIN"
security import "$P12" -P "$MACOS_CERTIFICATE_PASSWORD" -A -t cert -f pkcs12 -k "$KEYCHAIN"
security set-key-partition-list -S apple-tool:,apple: -k "$PASSWORD" "$KEYCHAIN" > /dev/null

# The search list, one quoted path per line, plus the new keychain (paths may hold spaces).
KEYCHAINS=("$KEYCHAIN")
while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"   # leading blanks
    line="${line#\"}"
    line="${line%\"}"
    [[ -n "$line" ]] && KEYCHAINS+=("$line")
done < <(security list-keychains -d user)
security list-keychains -d user -s "${KEYCHAINS[@]}"
echo "import_certificate.sh: $(security find-identity -v -p codesigning "$KEYCHAIN" | tail -n 1)"
