#!/bin/sh
# Regenerates the .vsdx fixtures and checks them with a real Visio reader.
#
# LibreOffice cannot write .vsdx (its Visio filter imports only; try
# `soffice --headless --convert-to vsdx x.odg`: "no export filter"), so the
# fixtures are written by the generator in ../../visiofixture_test.go after
# the published [MS-VSDX] format. LibreOffice Draw's Visio import (libvisio)
# then reads each one back; the pages and texts it finds are kept in
# libreoffice-read.txt, so a change that breaks the files shows in the diff.
#
# Needs: go, and LibreOffice Draw (apt-get install libreoffice-draw).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/../../../.."
go test ./topology/drawing -run TestVisioFixtures -update -count=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$here/libreoffice-read.txt"
for f in "$here"/*.vsdx; do
	soffice --headless -env:UserInstallation=file://"$tmp"/profile --convert-to fodg --outdir "$tmp" "$f" >/dev/null 2>&1
	out="$tmp/$(basename "$f" .vsdx).fodg"
	test -s "$out" || { echo "LibreOffice could not read $f" >&2; exit 1; }
	{
		echo "== $(basename "$f")"
		grep -o '<draw:page draw:name="[^"]*"' "$out" | sed 's/.*draw:name=/page /'
		echo "connectors and lines: $(grep -o '<draw:\(connector\|line\) ' "$out" | wc -l)"
		grep -o '<text:span[^>]*>[^<]*' "$out" | sed 's/<text:span[^>]*>/text /' | sort
	} >> "$here/libreoffice-read.txt"
done
cat "$here/libreoffice-read.txt"
