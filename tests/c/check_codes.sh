#!/bin/sh
# Compiles codes_swapped.c each way its header comment lists and checks
# that exactly the expected ones fail (see there).
#   check_codes.sh CC CXX CFLAGS BUILD
set -u
CC=$1 CXX=$2 CFLAGS=$3 BUILD=$4
WARN="-Wall -Wextra -Werror -pedantic"
SRC=$(dirname "$0")/codes_swapped.c
mkdir -p "$BUILD"
fails=0
expect() { # expect ok|fail CASE description compiler args...
  want=$1 case=$2 what=$3
  shift 3
  if "$@" -DCASE="$case" -c "$SRC" -o "$BUILD/codes.o" 2>"$BUILD/codes.err"; then got=ok; else got=fail; fi
  if [ "$got" = "$want" ]; then
    echo "codes: $what: $got, as expected"
  else
    echo "FAIL: codes: $what: expected $want, got $got"
    cat "$BUILD/codes.err"
    fails=$((fails + 1))
  fi
}
for std in c99 c11; do
  expect ok 0 "correct calls, C ($std)" $CC -std=$std $WARN $CFLAGS
  expect fail 1 "swapped codes, C ($std)" $CC -std=$std $WARN $CFLAGS
  expect ok 2 "bare integers, C ($std)" $CC -std=$std $WARN $CFLAGS
done
expect ok 0 "correct calls, C++" $CXX -x c++ -std=c++11 $WARN $CFLAGS
expect ok 2 "bare integers, C++" $CXX -x c++ -std=c++11 $WARN $CFLAGS
expect ok 0 "correct calls, C++ LAPIS_TYPED_CODES" $CXX -x c++ -std=c++11 $WARN -DLAPIS_TYPED_CODES $CFLAGS
expect fail 1 "swapped codes, C++ LAPIS_TYPED_CODES" $CXX -x c++ -std=c++11 $WARN -DLAPIS_TYPED_CODES $CFLAGS
expect fail 2 "bare integers, C++ LAPIS_TYPED_CODES" $CXX -x c++ -std=c++11 $WARN -DLAPIS_TYPED_CODES $CFLAGS
expect fail 3 "-fshort-enums, C11" $CC -std=c11 $WARN -fshort-enums $CFLAGS
if [ "$fails" -ne 0 ]; then
  echo "codes: $fails unexpected outcome(s)"
  exit 1
fi
# The swaps must fail for the right reason, not a typo in the test.
expect_reason() {
  case=$1 pattern=$2
  shift 2
  "$@" -DCASE="$case" -c "$SRC" -o "$BUILD/codes.o" 2>"$BUILD/codes.err"
  if ! grep -q "$pattern" "$BUILD/codes.err"; then
    echo "FAIL: codes: CASE $case failed without '$pattern':"
    cat "$BUILD/codes.err"
    exit 1
  fi
}
expect_reason 1 "enum-conversion" $CC -std=c99 $WARN $CFLAGS
expect_reason 1 "cannot convert" $CXX -x c++ -std=c++11 $WARN -DLAPIS_TYPED_CODES $CFLAGS
expect_reason 3 "short-enums" $CC -std=c11 $WARN -fshort-enums $CFLAGS
echo "codes: all outcomes as expected"
