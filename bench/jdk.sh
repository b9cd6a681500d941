# Sourced by the benchmark scripts: sets java_bin to a JDK 21 or newer (the default java may be older).
java_bin=java
for jdk in /usr/lib/jvm/*/; do
  if [ -x "$jdk/bin/java" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    java_bin="$jdk/bin/java"
  fi
done
