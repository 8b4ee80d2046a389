package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// programs are the binaries of a release, both in every archive: netreview
// runs netreview-graphviz, found beside it, for every layout.
var programs = []string{"netreview", "netreview-graphviz"}

// docs are the files from the repository root that every archive holds,
// under the same names; samples are the globs of the samples it holds, so
// that the README's first commands work in the unpacked folder.
var (
	docs    = []string{"README.md", "LICENSE"}
	samples = []string{"samples/README.md", "samples/*.yaml", "samples/diff/*.yaml", "samples/packs/*.yaml", "samples/xlsx/*.xlsx"}
)

// build cross-compiles the programs for each platform and writes an
// archive per platform and SHA256SUMS into out.
func build(version, out string, platforms []string) error {
	if version == "" {
		v, err := gitDescribe()
		if err != nil {
			return fmt.Errorf("no -version given, and git describe failed: %w", err)
		}
		version = v
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	// Archives of an earlier version would sit beside the new ones.
	old, _ := filepath.Glob(filepath.Join(out, "netreview-*"))
	for _, f := range append(old, filepath.Join(out, "SHA256SUMS")) {
		os.Remove(f)
	}
	extra, err := repoFiles()
	if err != nil {
		return err
	}
	var archives []string
	for _, p := range platforms {
		goos, goarch, ok := strings.Cut(p, "/")
		if !ok {
			return fmt.Errorf("platform %q: want GOOS/GOARCH", p)
		}
		name, err := buildPlatform(version, out, goos, goarch, extra)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		fmt.Println(filepath.Join(out, name))
		archives = append(archives, name)
	}
	return writeChecksums(out, archives)
}

// buildPlatform builds the programs for one platform into a temporary
// folder and archives them with the extra files; it returns the archive's
// file name.
func buildPlatform(version, out, goos, goarch string, extra []string) (string, error) {
	tmp, err := os.MkdirTemp("", "netreview-dist-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	exe := ""
	if goos == "windows" {
		exe = ".exe"
	}
	var files []archiveFile
	for _, prog := range programs {
		bin := filepath.Join(tmp, prog+exe)
		cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=auto",
			"-ldflags", "-s -w -X main.version="+version, "-o", bin, "./cmd/"+prog)
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH="+goarch, "CGO_ENABLED=0")
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return "", fmt.Errorf("go build ./cmd/%s: %w", prog, err)
		}
		files = append(files, archiveFile{name: prog + exe, src: bin, exec: true})
	}
	for _, f := range extra {
		files = append(files, archiveFile{name: f, src: filepath.FromSlash(f)})
	}
	base := fmt.Sprintf("netreview-%s-%s-%s", version, goos, goarch)
	name := base + ".tar.gz"
	write := writeTarGz
	if goos == "windows" {
		name, write = base+".zip", writeZip
	}
	if err := write(filepath.Join(out, name), base, files); err != nil {
		return "", err
	}
	return name, nil
}

// repoFiles lists the documentation and samples an archive holds, as
// slash-separated paths from the repository root, sorted.
func repoFiles() ([]string, error) {
	files := append([]string(nil), docs...)
	for _, g := range samples {
		m, err := filepath.Glob(filepath.FromSlash(g))
		if err != nil {
			return nil, err
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("%s matches nothing: run dist from the repository root", g)
		}
		for _, f := range m {
			files = append(files, filepath.ToSlash(f))
		}
	}
	for _, f := range docs {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Errorf("%w: run dist from the repository root", err)
		}
	}
	sort.Strings(files[len(docs):])
	return files, nil
}

// writeChecksums writes out/SHA256SUMS in the form sha256sum -c reads.
func writeChecksums(out string, archives []string) error {
	var b strings.Builder
	for _, a := range archives {
		data, err := os.ReadFile(filepath.Join(out, a))
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), a)
	}
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(b.String()), 0o644)
}

// gitDescribe names the checkout's commit: its tag when it has one, else
// the abbreviated commit, with -dirty for uncommitted changes.
func gitDescribe() (string, error) {
	b, err := exec.Command("git", "describe", "--tags", "--always", "--dirty").Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

// archivePath is the name of a file inside the archive: under the
// archive's top folder, slash-separated.
func archivePath(top, name string) string { return path.Join(top, name) }
