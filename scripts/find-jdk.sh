# Sourced by Warden's scripts: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, else the newest JDK 21+ under /usr/lib/jvm (or /Library/Java/JavaVirtualMachines).
# Fails with one line when there is none.

warden_java_major() {
  # Prints the feature version of the java binary in $1/bin, or nothing.
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in 1.*) echo "${v#1.}" ;; *) echo "${v%%.*}" ;; esac
}

warden_find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(warden_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$JAVA_HOME"; return 0
    fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(warden_java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

if ! WARDEN_JDK=$(warden_find_jdk) || [ -z "$WARDEN_JDK" ]; then
  echo "Warden needs a JDK 21 or newer: set JAVA_HOME to one, or install one under /usr/lib/jvm (found: ${JAVA_HOME:-no JAVA_HOME}, $(java -version 2>&1 | head -n1 || echo 'no java'))." >&2
  exit 1
fi
export JAVA_HOME="$WARDEN_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
