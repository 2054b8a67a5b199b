# Sourced by Warden's scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, else the java on PATH if it is 21+, else the newest 21+ under
# $WARDEN_JVM_DIRS (default: /usr/lib/jvm and /Library/Java/JavaVirtualMachines).
# Builds need javac; the packaged launcher sets WARDEN_JAVA_TOOL=java, so a runtime without javac does.
# Fails with one line when there is none.

warden_java_major() {
  # Prints the feature version of the java binary in $1/bin, or nothing.
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in 1.*) echo "${v#1.}" ;; *) echo "${v%%.*}" ;; esac
}

warden_is_21() {
  # Whether $1 is a Java home with the needed tool, of version 21 or newer.
  local major
  [ -n "$1" ] && [ -x "$1/bin/${WARDEN_JAVA_TOOL:-javac}" ] || return 1
  major=$(warden_java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ]
}

warden_find_jdk() {
  local candidate dir major path_java best="" best_major=0
  if warden_is_21 "${JAVA_HOME:-}"; then
    echo "$JAVA_HOME"; return 0
  fi
  if path_java=$(command -v java) && path_java=$(readlink -f "$path_java"); then
    candidate=$(dirname "$(dirname "$path_java")")
    if warden_is_21 "$candidate"; then
      echo "$candidate"; return 0
    fi
  fi
  for dir in ${WARDEN_JVM_DIRS:-/usr/lib/jvm /Library/Java/JavaVirtualMachines}; do
    for candidate in "$dir"/* "$dir"/*/Contents/Home; do
      warden_is_21 "$candidate" || continue
      major=$(warden_java_major "$candidate")
      if [ "$major" -gt "$best_major" ]; then
        best="$candidate"; best_major="$major"
      fi
    done
  done
  [ -n "$best" ] && echo "$best"
}

if ! WARDEN_JDK=$(warden_find_jdk) || [ -z "$WARDEN_JDK" ]; then
  echo "Warden needs a JDK 21 or newer: set JAVA_HOME to one, put one first on PATH, or install one under ${WARDEN_JVM_DIRS:-/usr/lib/jvm} (found: ${JAVA_HOME:-no JAVA_HOME}, $(java -version 2>&1 | head -n1 || echo 'no java'))." >&2
  exit 1
fi
export JAVA_HOME="$WARDEN_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
