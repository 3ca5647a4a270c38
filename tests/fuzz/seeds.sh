# Sourced by run.sh and campaign.sh (needs $work: where the seed folders go).
# Seeds: the text targets read tests/fuzz/seeds/* as they are; the SQL and
# decode targets read byte 0 as their mode, so their seeds are the same texts
# behind a few modes (and, for decode, the texts in GB18030 and UTF-16 too).
seed_mode() { # TARGET MODES...
  out=$work/seeds_$1
  shift
  [ -d "$out" ] && return 0
  mkdir -p "$out"
  for f in tests/fuzz/seeds/*; do
    b=$(basename "$f")
    for m in "$@"; do
      { printf "\\$(printf '%03o' "$m")"; cat "$f"; } > "$out/$m-$b"
    done
  done
}
seed_decode() {
  out=$work/seeds_decode
  [ -d "$out" ] && return 0
  seed_mode decode 0 49 20 39
  command -v iconv >/dev/null 2>&1 || return 0
  for f in tests/fuzz/seeds/*; do
    b=$(basename "$f")
    { printf '\000'; iconv -f UTF-8 -t GB18030 "$f" 2>/dev/null; } > "$out/gb-auto-$b"
    { printf '\001'; iconv -f UTF-8 -t GB18030 "$f" 2>/dev/null; } > "$out/gb-$b"
    { printf '\003'; iconv -f UTF-8 -t BIG5 "$f" 2>/dev/null; } > "$out/big5-$b"
    { printf '\004'; iconv -f UTF-8 -t UTF-16LE "$f" 2>/dev/null; } > "$out/u16le-$b"
    { printf '\006'; iconv -f UTF-8 -t UTF-16 "$f" 2>/dev/null; } > "$out/u16-$b"
  done
}

# The seed folder of target $1 (made when missing).
seed_dir() {
  case $1 in
    sql) seed_mode sql 0 1 6 14; echo "$work/seeds_sql" ;;
    decode) seed_decode; echo "$work/seeds_decode" ;;
    *) echo tests/fuzz/seeds ;;
  esac
}
