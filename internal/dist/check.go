package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// checkArchive unpacks a .tar.gz release archive into an empty temporary
// folder and, from there, with an environment that holds no Go toolchain,
// runs netreview version and renders the riverbend sample to PNG (which
// runs netreview-graphviz from beside netreview).
func checkArchive(archive string) error {
	tmp, err := os.MkdirTemp("", "netreview-dist-check-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	top, err := untarGz(archive, tmp)
	if err != nil {
		return fmt.Errorf("%s: %w", archive, err)
	}
	dir := filepath.Join(tmp, top)
	home := filepath.Join(tmp, "home")
	if err := os.Mkdir(home, 0o755); err != nil {
		return err
	}
	// No PATH (so no go, no dot), no GOROOT, GOPATH or caches: a reviewer's
	// machine.
	env := []string{"PATH=" + filepath.Join(tmp, "no-such-bin"), "HOME=" + home, "TMPDIR=" + tmp}
	run := func(args ...string) (string, error) {
		cmd := exec.Command(filepath.Join(dir, "netreview"), args...)
		cmd.Dir = dir
		cmd.Env = env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		return out.String(), err
	}
	out, err := run("version")
	if err != nil {
		return fmt.Errorf("netreview version: %v\n%s", err, out)
	}
	if strings.Contains(out, "unknown") || strings.Contains(out, " dev ") {
		return fmt.Errorf("netreview version records no version:\n%s", out)
	}
	fmt.Print(out)
	png := filepath.Join(dir, "riverbend.png")
	if out, err := run("render", "samples/backbone.yaml", "samples/riverbend-pd.yaml", "-o", "riverbend.png"); err != nil {
		return fmt.Errorf("netreview render: %v\n%s", err, out)
	}
	b, err := os.ReadFile(png)
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		return fmt.Errorf("riverbend.png is not a PNG: starts %.16q", b)
	}
	fmt.Printf("%s: unpacked alone, without Go, it rendered a %d-byte PNG\n", archive, len(b))
	return nil
}

// untarGz unpacks a .tar.gz into dir and returns the archive's top folder.
func untarGz(archive, dir string) (string, error) {
	f, err := os.Open(archive)
	if err != nil {
		return "", err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return "", err
	}
	tr := tar.NewReader(gz)
	top := ""
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			return "", fmt.Errorf("%q leaves the archive's folder", h.Name)
		}
		first, _, _ := strings.Cut(h.Name, "/")
		if top == "" {
			top = first
		} else if first != top {
			return "", fmt.Errorf("%q is not under the archive's folder %s", h.Name, top)
		}
		dst := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(dst, 0o755)
		case tar.TypeReg:
			err = writeFrom(dst, tr, os.FileMode(h.Mode).Perm())
		default:
			err = fmt.Errorf("%q: unexpected entry type %c", h.Name, h.Typeflag)
		}
		if err != nil {
			return "", err
		}
	}
	if top == "" {
		return "", errors.New("empty archive")
	}
	return top, nil
}

func writeFrom(dst string, r io.Reader, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
