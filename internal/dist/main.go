// Command dist builds netreview's release archives: for each platform,
// netreview and its layout helper netreview-graphviz cross-compiled side by
// side, with the README, the LICENSE and the samples, in one archive (a
// .zip for Windows, a .tar.gz otherwise), and a SHA256SUMS file for them
// all. It needs Go alone, no tar, zip or sha256sum, so that 'make dist'
// runs on any machine that builds netreview.
//
// Usage (from the repository root; 'make dist' runs it):
//
//	go run ./internal/dist -version v1.2.0 -o dist
//	go run ./internal/dist -check dist/netreview-v1.2.0-linux-amd64.tar.gz
//
// -check unpacks an archive into an empty temporary folder and runs the
// netreview in it with an environment that holds no Go toolchain (no PATH,
// no GOROOT, a fresh HOME), rendering a sample to PNG: the release works
// on a reviewer's machine without Go.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
)

// platforms are the release targets, GOOS/GOARCH.
var platforms = []string{"linux/amd64", "linux/arm64", "darwin/arm64", "windows/amd64"}

func main() {
	version := flag.String("version", "", "the release's `version`, recorded in the binaries and the archive names (default: from git describe)")
	out := flag.String("o", "dist", "write the archives into this `folder`")
	only := flag.String("platforms", strings.Join(platforms, ","), "comma-separated GOOS/GOARCH `list` to build")
	check := flag.String("check", "", "instead of building, check this `archive`: unpack it and render a sample without Go")
	flag.Parse()
	var err error
	if *check != "" {
		err = checkArchive(*check)
	} else {
		err = build(*version, *out, strings.Split(*only, ","))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "dist:", err)
		os.Exit(1)
	}
}
