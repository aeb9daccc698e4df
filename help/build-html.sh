#!/bin/sh
# help/build-html.sh OUTDIR LANG HELPDIR FILE... — the manual as HTML pages
#
# For a browser, where no help viewer can be reached (a sandbox without
# Yelp): the Mallard pages FILE... of HELPDIR/C (pages, legal.xml and
# figures, as help/meson.build lists them), translated into LANG with
# HELPDIR/LANG/LANG.po unless LANG is C, are turned into OUTDIR/*.html by
# yelp-build. OUTDIR is made afresh, so that its time tells the build
# when it was last made.
set -eu

out=$1 lang=$2 helpdir=$3
shift 3

work="$out.tmp"
rm -rf "$work"
mkdir -p "$work/pages" "$work/html"

# The sources, or their translation, side by side with their figures
for file in "$@"; do
  mkdir -p "$work/pages/$(dirname "$file")"
  if [ -f "$helpdir/$lang/$file" ] && [ "$lang" != C ]; then
    cp "$helpdir/$lang/$file" "$work/pages/$file"   # a figure of this language
  else
    cp "$helpdir/C/$file" "$work/pages/$file"
  fi
done
if [ "$lang" != C ]; then
  msgfmt -o "$work/$lang.mo" "$helpdir/$lang/$lang.po"
  set --
  for page in "$work"/pages/*.page "$work"/pages/*.xml; do set -- "$@" "$page"; done
  itstool -m "$work/$lang.mo" --lang "$lang" -o "$work/pages" "$@"
fi

yelp-build html -o "$work/html" "$work"/pages/*.page

rm -rf "$out"
mv "$work/html" "$out"
rm -rf "$work"
