#!/usr/bin/env bash
# cli_errors.sh JAXC MODULE
#
# Each bad use of `jaxc run` must fail with one clear error: exit code 3
# (kExitError), nothing on stdout, exactly one line on stderr, of the form
# `jaxc run: error: ...` and holding the case's key phrase. MODULE is a valid
# module file whose `main` takes at least one input; a first run with valid
# inputs checks that it does.

set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 JAXC MODULE" >&2
  exit 2
fi
jaxc=$1
module=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# Runs jaxc with the arguments after the case name and the key phrase, and
# checks that it failed as described above.
expect_error() {
  local name=$1 phrase=$2
  shift 2
  "$jaxc" "$@" >"$work/stdout" 2>"$work/stderr"
  local code=$?
  local problems=()
  [ "$code" -eq 3 ] || problems+=("exit code $code, expected 3")
  [ ! -s "$work/stdout" ] || problems+=("wrote to stdout")
  local lines
  lines=$(wc -l <"$work/stderr")
  [ "$lines" -eq 1 ] || problems+=("$lines lines on stderr, expected 1")
  grep -q '^jaxc run: error: ' "$work/stderr" ||
    problems+=("stderr does not start with 'jaxc run: error: '")
  grep -qF -- "$phrase" "$work/stderr" ||
    problems+=("stderr does not say '$phrase'")
  if [ ${#problems[@]} -eq 0 ]; then
    echo "ok    $name: $(cat "$work/stderr")"
  else
    failures=$((failures + 1))
    echo "FAIL  $name: $(IFS=';'; echo "${problems[*]}")"
    echo "      command: jaxc $*"
    sed 's/^/      stderr: /' "$work/stderr"
  fi
}

# main's input types, e.g. (3xf32 3xf32), from `jaxc inspect`.
signature=$("$jaxc" inspect "$module" | sed -n 's/^  @main(\(.*\)) -> .*/\1/p')
IFS=', ' read -r -a types <<<"$signature"
if [ ${#types[@]} -eq 0 ]; then
  echo "FAIL  $module has no main taking inputs (jaxc inspect: '$signature')"
  exit 1
fi
count=${#types[@]}

# Valid inputs: a type without values is zero-filled.
valid=()
for type in "${types[@]}"; do
  valid+=("--input=$type")
done
if "$jaxc" run --module="$module" "${valid[@]}" >"$work/stdout" 2>"$work/stderr" &&
  grep -q '^EXEC @main$' "$work/stdout"; then
  echo "ok    valid inputs run"
else
  failures=$((failures + 1))
  echo "FAIL  valid inputs do not run: $(cat "$work/stderr")"
fi

# The first input with one more dimension, and with another element type.
first=${types[0]}
element=$(sed -E 's/^([0-9]+x)*//' <<<"$first")
dims=${first%"$element"}
if [ "$element" = f32 ]; then other_element=i32; else other_element=f32; fi
wrong_shape=2x$first
wrong_dtype=$dims$other_element

corrupted=$work/corrupted.vmfb
cp "$module" "$corrupted"
size=$(wc -c <"$module")
offset=$((size / 2))
byte=$(od -An -tu1 -j"$offset" -N1 "$corrupted" | tr -d ' ')
printf "\\$(printf %03o $((byte ^ 0xff)))" |
  dd of="$corrupted" bs=1 seek="$offset" conv=notrunc status=none
truncated=$work/truncated.vmfb
head -c "$offset" "$module" >"$truncated"

s=s
[ "$count" -eq 1 ] && s=
expect_error "missing module file" "cannot open" \
  run --module="$work/no_such_module.vmfb" "${valid[@]}"
expect_error "corrupted module" "checksum mismatch" \
  run --module="$corrupted" "${valid[@]}"
expect_error "truncated module" "truncated" \
  run --module="$truncated" "${valid[@]}"
expect_error "wrong number of inputs" \
  "main expects $count input$s, got $((count + 1))" \
  run --module="$module" "${valid[@]}" "--input=$first"
expect_error "wrong shape" "input 0 of main: expected $first, got $wrong_shape" \
  run --module="$module" "--input=$wrong_shape" "${valid[@]:1}"
expect_error "wrong dtype" "input 0 of main: expected $first, got $wrong_dtype" \
  run --module="$module" "--input=$wrong_dtype" "${valid[@]:1}"
expect_error "unparsable --input" "invalid --input \"$first=abc\"" \
  run --module="$module" "--input=$first=abc" "${valid[@]:1}"
expect_error "unknown --device" "unknown --device=cuda" \
  run --module="$module" --device=cuda "${valid[@]}"
expect_error "unknown flag" "unknown flag --no_such_flag" \
  run --module="$module" --no_such_flag=1 "${valid[@]}"
expect_error "unknown function" "no function 'no_such_function'" \
  run --module="$module" --function=no_such_function "${valid[@]}"

if [ "$failures" -ne 0 ]; then
  echo "$failures case(s) failed"
  exit 1
fi
echo "all cases passed"
