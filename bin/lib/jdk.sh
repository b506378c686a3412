# shellcheck shell=bash
#
# JDK and Maven discovery shared by bin/procshell and bin/test. Source it, then
# call procshell_find_jdk and (when a build may be needed) procshell_find_maven.
#
#   procshell_find_jdk    finds a JDK >= 21 (java *and* javac), exports
#                         JAVA_HOME, puts $JAVA_HOME/bin first on PATH and sets
#                         PROCSHELL_JAVA_VERSION / PROCSHELL_JAVA_MAJOR.
#                         Search order: $JAVA_HOME, `java` on PATH, then the
#                         usual install folders (newest version wins there).
#                         Exits 1 with an install hint when nothing fits.
#   procshell_find_maven  sets and exports MVN: `mvn` on PATH, else Apache
#                         Maven 3.9.11 downloaded (sha512-checked) from Maven
#                         Central into ${XDG_CACHE_HOME:-~/.cache}/procshell/maven.
#                         Exits 1 with an install hint when that fails.
#                         Call it after procshell_find_jdk: on JDK 23+ it also
#                         adds --sun-misc-unsafe-memory-access=allow to
#                         MAVEN_OPTS (silences Maven's Guava Unsafe warnings).
#
# Environment knobs:
#   PROCSHELL_JDK_SEARCH_DIRS  colon-separated glob patterns replacing the
#                              default install folders (mainly for testing;
#                              set it empty to search no folders at all).
#   PROCSHELL_DEBUG=1          trace the discovery on stderr.
#
# Written for bash >= 3.2 (macOS) as well as Linux.

PROCSHELL_MIN_JAVA=21
PROCSHELL_MAVEN_VERSION=3.9.11

_ps_debug() {
  if [ -n "${PROCSHELL_DEBUG:-}" ]; then printf 'procshell[debug]: %s\n' "$*" >&2; fi
  return 0
}

# _ps_parse_version TEXT: prints the version string from `java -version` output
# ('openjdk version "25" ...', 'java version "1.8.0_392"', ...).
_ps_parse_version() {
  local line re='version "([^"]+)"'
  while IFS= read -r line; do
    if [[ $line =~ $re ]]; then
      printf '%s\n' "${BASH_REMATCH[1]}"
      return 0
    fi
  done <<EOF
$1
EOF
  return 1
}

# _ps_major VERSION: "25" -> 25, "21.0.4" -> 21, "17.0.15" -> 17, "1.8.0_392" -> 8,
# "26-ea" -> 26. Prints 0 when unparsable.
_ps_major() {
  local v=$1
  case $v in 1.*) v=${v#1.} ;; esac
  v=${v%%[!0-9]*}
  printf '%s\n' "${v:-0}"
}

# _ps_version_gt A B: is version A newer than B? Compares the numeric parts
# one by one ("21.0.10" > "21.0.9" > "21" > ""); "1.8.0_x" counts as 8.
_ps_version_gt() {
  local a=$1 b=$2 x y
  case $a in 1.*) a=${a#1.} ;; esac
  case $b in 1.*) b=${b#1.} ;; esac
  while [ -n "$a" ] || [ -n "$b" ]; do
    x=${a%%[!0-9]*} y=${b%%[!0-9]*}
    x=$((10#${x:-0})) y=$((10#${y:-0}))
    if [ "$x" -gt "$y" ]; then return 0; fi
    if [ "$x" -lt "$y" ]; then return 1; fi
    # Drop this numeric part and the separator after it.
    a=${a#"${a%%[!0-9]*}"} b=${b#"${b%%[!0-9]*}"}
    a=${a#[!0-9]} b=${b#[!0-9]}
  done
  return 1
}

# _ps_release_version FILE: prints JAVA_VERSION from a JDK's release file
# (JAVA_VERSION="21.0.4"); fails when there is none. Bash builtins only: the
# launcher runs this on the way to every prompt, where each forked process counts.
_ps_release_version() {
  local line v
  [ -r "$1" ] || return 1
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      JAVA_VERSION=*)
        v=${line#JAVA_VERSION=}
        v=${v#\"} v=${v%\"}
        [ -n "$v" ] || return 1
        printf '%s\n' "$v"
        return 0 ;;
    esac
  done <"$1"
  return 1
}

# Human-readable list of rejected candidates, for the final error message.
_ps_rejected=""
_ps_seen=" "
_ps_reject() {
  _ps_debug "rejected: $1"
  if [ -z "$_ps_rejected" ]; then _ps_rejected=$1; else _ps_rejected="$_ps_rejected; $1"; fi
}

# _ps_check_home DIR SHOWNAME: succeeds when DIR/bin/java is >= 21 and has a
# javac beside it; sets _ps_version and _ps_majorv. SHOWNAME is how the
# candidate is named in messages.
_ps_check_home() {
  local home=$1 shown=$2 out canon
  _ps_version="" _ps_majorv=0
  if [ ! -x "$home/bin/java" ] || [ -d "$home/bin/java" ]; then
    _ps_reject "$shown (no bin/java there)"
    return 1
  fi
  canon=$(cd -P "$home" 2>/dev/null && pwd -P) || canon=$home
  case $_ps_seen in *" $canon "*) _ps_debug "skip duplicate $home"; return 1 ;; esac
  _ps_seen="$_ps_seen$canon "
  # A JDK's release file names its version: reading it is instant, starting a JVM is not.
  if _ps_version=$(_ps_release_version "$home/release"); then
    :
  elif ! out=$("$home/bin/java" -version 2>&1 </dev/null) ||
    ! _ps_version=$(_ps_parse_version "$out"); then
    _ps_reject "$shown (\`java -version\` failed)"
    return 1
  fi
  _ps_majorv=$(_ps_major "$_ps_version")
  if [ "$_ps_majorv" -lt "$PROCSHELL_MIN_JAVA" ]; then
    _ps_reject "java $_ps_version at $shown"
    return 1
  fi
  if [ ! -x "$home/bin/javac" ]; then
    _ps_reject "java $_ps_version at $shown, but no javac beside it (a JRE, not a JDK)"
    return 1
  fi
  _ps_debug "ok: java $_ps_version at $home"
  return 0
}

# _ps_path_java_home JAVA: the java.home of a `java` found on PATH (follows
# /usr/bin/java -> /etc/alternatives -> ... and the macOS /usr/bin/java stub).
_ps_path_java_home() {
  local java=$1 out line re='^[[:space:]]*java\.home = (.+)$' resolved
  # Fast path: follow the symlinks to a folder that has a release file.
  resolved=$(readlink -f "$java" 2>/dev/null) || resolved=$java
  out=$(cd -P "${resolved%/*}/.." 2>/dev/null && pwd -P) || out=""
  if [ -n "$out" ] && [ -r "$out/release" ]; then
    printf '%s\n' "$out"
    return 0
  fi
  if out=$("$java" -XshowSettings:properties -version 2>&1 </dev/null); then
    while IFS= read -r line; do
      if [[ $line =~ $re ]]; then
        printf '%s\n' "${BASH_REMATCH[1]}"
        return 0
      fi
    done <<EOF
$out
EOF
  fi
  (cd -P "${resolved%/*}/.." 2>/dev/null && pwd -P)
}

_ps_default_search_globs() {
  # One glob per line; "~" is expanded by the caller.
  printf '%s\n' '/usr/lib/jvm/*' '/usr/local/lib/jvm/*' '/opt/java/*' '/opt/jdk*' \
    '/Library/Java/JavaVirtualMachines/*/Contents/Home' '~/.sdkman/candidates/java/*' '~/.jdks/*'
}

# _ps_expand_glob PATTERN: prints the matching paths, one per line (nothing
# when there is no match). Only pathname expansion, no word splitting.
_ps_expand_glob() {
  local IFS=$'\n' match
  # shellcheck disable=SC2206 # globbing is the point here
  local matches=($1)
  for match in "${matches[@]}"; do
    [ -e "$match" ] && printf '%s\n' "$match"
  done
  return 0
}

_ps_accept() {
  JAVA_HOME=$1
  PROCSHELL_JAVA_VERSION=$2
  PROCSHELL_JAVA_MAJOR=$3
  export JAVA_HOME PROCSHELL_JAVA_VERSION PROCSHELL_JAVA_MAJOR
  case ":$PATH:" in
    "$JAVA_HOME/bin:"*) ;;
    *) PATH="$JAVA_HOME/bin:$PATH" ;;
  esac
  export PATH
  _ps_debug "using JAVA_HOME=$JAVA_HOME (java $PROCSHELL_JAVA_VERSION)"
}

procshell_find_jdk() {
  local home pathjava globs pattern dir best="" best_version="" best_major=0
  _ps_rejected="" _ps_seen=" "

  # 1. $JAVA_HOME
  if [ -n "${JAVA_HOME:-}" ]; then
    home=${JAVA_HOME%/}
    if _ps_check_home "$home" "JAVA_HOME=$JAVA_HOME"; then
      _ps_accept "$home" "$_ps_version" "$_ps_majorv"
      return 0
    fi
  fi

  # 2. `java` on PATH
  if pathjava=$(command -v java 2>/dev/null) && [ -n "$pathjava" ]; then
    if home=$(_ps_path_java_home "$pathjava") && [ -n "$home" ]; then
      if _ps_check_home "$home" "$pathjava"; then
        _ps_accept "$home" "$_ps_version" "$_ps_majorv"
        return 0
      fi
    else
      _ps_reject "$pathjava (could not tell its home)"
    fi
  fi

  # 3. Install folders: the newest acceptable one wins.
  if [ -n "${PROCSHELL_JDK_SEARCH_DIRS+set}" ]; then
    globs=${PROCSHELL_JDK_SEARCH_DIRS//:/$'\n'}
  else
    globs=$(_ps_default_search_globs)
  fi
  while IFS= read -r pattern; do
    [ -n "$pattern" ] || continue
    # shellcheck disable=SC2088 # matching a literal "~/" prefix
    case $pattern in "~/"*) pattern="${HOME:-}/${pattern#\~/}" ;; esac
    while IFS= read -r dir; do
      if [ -z "$dir" ] || [ ! -d "$dir" ] || [ ! -e "$dir/bin/java" ]; then continue; fi
      if _ps_check_home "${dir%/}" "${dir%/}" && _ps_version_gt "$_ps_version" "$best_version"; then
        best=${dir%/} best_version=$_ps_version best_major=$_ps_majorv
      fi
    done <<EOF
$(_ps_expand_glob "$pattern")
EOF
  done <<EOF
$globs
EOF
  if [ -n "$best" ]; then
    _ps_accept "$best" "$best_version" "$best_major"
    return 0
  fi

  _ps_jdk_missing_message >&2
  exit 1
}

_ps_jdk_missing_message() {
  local found=${_ps_rejected:-no java at all} how note="" pkg="" cand
  how="\`sudo apt-get install openjdk-21-jdk\` (Debian/Ubuntu) or Temurin 21 from adoptium.net"
  if [ "$(uname -s 2>/dev/null)" = Darwin ]; then
    how="\`brew install --cask temurin@21\` (Homebrew) or Temurin 21 from adoptium.net"
  elif command -v apt-cache >/dev/null 2>&1; then
    for cand in openjdk-21-jdk openjdk-25-jdk; do
      if apt-cache policy "$cand" 2>/dev/null | grep -q 'Candidate: [0-9]'; then pkg=$cand; break; fi
    done
    if [ -n "$pkg" ]; then
      how="\`sudo apt-get install $pkg\` (Debian/Ubuntu) or Temurin 21 from adoptium.net"
    else
      note="Note: this system's apt offers no openjdk-21-jdk (Debian 12, for one, ships only 17). Add Adoptium's apt repository (https://adoptium.net/installation/linux/) and run \`sudo apt-get install temurin-21-jdk\`."
    fi
  elif command -v dnf >/dev/null 2>&1; then
    how="\`sudo dnf install java-21-openjdk-devel\` (Fedora/RHEL) or Temurin 21 from adoptium.net"
  fi
  printf 'procshell needs a JDK %s or newer (found: %s).\n' "$PROCSHELL_MIN_JAVA" "$found"
  printf 'Install one, e.g. %s, or set JAVA_HOME to it.\n' "$how"
  if [ -n "$note" ]; then printf '%s\n' "$note"; fi
}

# ---------------------------------------------------------------------------
# Maven

_ps_download() { # URL FILE
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 3 --connect-timeout 20 -o "$2" "$1"
  elif command -v wget >/dev/null 2>&1; then
    wget -q --tries=3 --timeout=20 -O "$2" "$1"
  else
    _ps_maven_error="neither curl nor wget is installed"
    return 1
  fi
}

_ps_sha512() { # FILE -> hex digest
  if command -v sha512sum >/dev/null 2>&1; then
    sha512sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 512 "$1" | cut -d' ' -f1
  elif command -v openssl >/dev/null 2>&1; then
    openssl dgst -sha512 -r "$1" | cut -d' ' -f1
  else
    return 1
  fi
}

_ps_maven_error=""
_ps_fetch_maven() { # CACHEDIR -> installs CACHEDIR/apache-maven-VERSION
  local cache=$1 v=$PROCSHELL_MAVEN_VERSION tmp want got rc=0
  local url="https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$v/apache-maven-$v-bin.tar.gz"
  mkdir -p "$cache" || { _ps_maven_error="cannot create $cache"; return 1; }
  tmp=$(mktemp -d "$cache/.download.XXXXXX") || { _ps_maven_error="cannot write to $cache"; return 1; }
  printf 'procshell: mvn not found on PATH; downloading Apache Maven %s from Maven Central into %s ...\n' "$v" "$cache" >&2
  if ! _ps_download "$url" "$tmp/maven.tar.gz" || ! _ps_download "$url.sha512" "$tmp/maven.tar.gz.sha512"; then
    _ps_maven_error=${_ps_maven_error:-"download of $url failed"}
    rc=1
  else
    want=$(tr -d '\r' <"$tmp/maven.tar.gz.sha512" | awk '{print tolower($1); exit}')
    got=$(_ps_sha512 "$tmp/maven.tar.gz" | tr '[:upper:]' '[:lower:]') || got=""
    if [ -z "$got" ]; then
      _ps_maven_error="no sha512sum/shasum/openssl to verify the download"
      rc=1
    elif [ "$want" != "$got" ]; then
      _ps_maven_error="sha512 mismatch for $url"
      rc=1
    elif ! tar -xzf "$tmp/maven.tar.gz" -C "$tmp" || [ ! -x "$tmp/apache-maven-$v/bin/mvn" ]; then
      _ps_maven_error="could not unpack $url"
      rc=1
    elif [ ! -x "$cache/apache-maven-$v/bin/mvn" ]; then
      # mv is atomic within one folder; a concurrent run may have won the race.
      rm -rf "$cache/apache-maven-$v"
      mv "$tmp/apache-maven-$v" "$cache/apache-maven-$v" 2>/dev/null || true
      [ -x "$cache/apache-maven-$v/bin/mvn" ] || { _ps_maven_error="could not install into $cache"; rc=1; }
    fi
  fi
  rm -rf "$tmp"
  return "$rc"
}

procshell_find_maven() {
  local cache mvn
  # Maven's bundled Guava uses sun.misc.Unsafe; JDK 24+ warns about that on
  # every run. The flag exists since JDK 23 and only affects Maven's own JVM.
  if [ "${PROCSHELL_JAVA_MAJOR:-0}" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
        export MAVEN_OPTS ;;
    esac
  fi
  if mvn=$(command -v mvn 2>/dev/null) && [ -n "$mvn" ]; then
    MVN=$mvn
    export MVN
    _ps_debug "using MVN=$MVN"
    return 0
  fi
  cache=${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/procshell/maven
  mvn=$cache/apache-maven-$PROCSHELL_MAVEN_VERSION/bin/mvn
  if [ -x "$mvn" ] || _ps_fetch_maven "$cache"; then
    MVN=$mvn
    export MVN
    _ps_debug "using MVN=$MVN"
    return 0
  fi
  {
    printf 'procshell needs Apache Maven (3.6.3 or newer) to build, and could not download it: %s.\n' "$_ps_maven_error"
    # shellcheck disable=SC2016 # the backquotes are literal
    printf 'Install it, e.g. `sudo apt-get install maven` (Debian/Ubuntu) or `brew install maven` (macOS), or put mvn on PATH.\n'
  } >&2
  exit 1
}
