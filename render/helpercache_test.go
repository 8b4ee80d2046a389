package render

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCacheTempDir(t *testing.T) {
	base := t.TempDir()
	user := func() (string, error) { return base, nil }
	noUser := func() (string, error) { return "", errors.New("$HOME is not defined") }
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	explicit := filepath.Join(t.TempDir(), "cache")
	tests := []struct {
		name, setting string
		user          func() (string, error)
		want, err     string
	}{
		{"default", "", user, filepath.Join(base, "netreview", "graphviz"), ""},
		{"no user cache directory", "", noUser, "", "no user cache directory: $HOME is not defined"},
		{"off", "off", user, "", ""},
		{"off without a user cache directory", "off", noUser, "", ""},
		{"a directory", explicit, noUser, explicit, ""},
		{"a file", file, user, "", "not a directory"},
		{"under a file", filepath.Join(file, "x"), user, "", "not a directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cacheTempDir(tt.setting, tt.user)
			if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
				t.Fatalf("cacheTempDir(%q) = %q, %v; want %q, %q", tt.setting, got, err, tt.want, tt.err)
			}
			if got == "" {
				return
			}
			fi, err := os.Stat(filepath.Join(got, "go-graphviz"))
			if err != nil || !fi.IsDir() || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o700) {
				t.Errorf("go-graphviz/ under %s: %v, %v", got, fi.Mode(), err)
			}
			if probes, _ := filepath.Glob(filepath.Join(got, "go-graphviz", ".netreview-probe-*")); len(probes) > 0 {
				t.Errorf("probes left behind: %v", probes)
			}
		})
	}
}

// TestCacheTempDirReadOnly: a cache that go-graphviz could read but not
// write to (its init would panic) is not used.
func TestCacheTempDirReadOnly(t *testing.T) {
	for _, sub := range []string{"go-graphviz", filepath.Join("go-graphviz", "wazero-v1.10.1-amd64-linux")} {
		t.Run(sub, func(t *testing.T) {
			dir := t.TempDir()
			ro := filepath.Join(dir, sub)
			if err := os.MkdirAll(ro, 0o700); err != nil {
				t.Fatal(err)
			}
			ReadOnlyForTest(t, ro)
			if got, err := cacheTempDir(dir, nil); got != "" || err == nil || !strings.Contains(err.Error(), "cannot write in "+ro) {
				t.Errorf("read-only %s: %q, %v", sub, got, err)
			}
		})
	}
}

// ReadOnlyForTest makes dir read-only for this process until the test
// ends: by its mode, or for root, whom modes do not stop, with chattr +i.
// It skips the test where neither can be done.
func ReadOnlyForTest(t *testing.T, dir string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("read-only directories: not on Windows")
	}
	if os.Geteuid() != 0 {
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return
	}
	chattr, err := exec.LookPath("chattr")
	if err != nil {
		t.Skip("running as root, whom a directory's mode does not stop, and without chattr (e2fsprogs) to make one immutable")
	}
	if out, err := exec.Command(chattr, "+i", dir).CombinedOutput(); err != nil {
		t.Skipf("running as root, and chattr +i fails on this file system: %s", strings.TrimSpace(string(out)))
	}
	t.Cleanup(func() { exec.Command(chattr, "-i", dir).Run() })
}

func TestHelperEnv(t *testing.T) {
	user := func() (string, error) { return "", errors.New("no home") }
	dir := t.TempDir()
	tmp := tempDirVars()[0]
	tests := []struct {
		name    string
		environ []string
		cache   string
		tmp     string
	}{
		{"cache", []string{tmp + "=/tmp", "HOME=/h"}, dir, dir},
		{"off", []string{tmp + "=/tmp"}, "off", os.DevNull},
		{"unusable", nil, "", os.DevNull},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := helperEnv(tt.environ, tt.cache, user)
			if got := lastEnv(env, tmp); got != tt.tmp {
				t.Errorf("$%s = %q, want %q (%q)", tmp, got, tt.tmp, env)
			}
			if len(tt.environ) > 0 && env[0] != tt.environ[0] {
				t.Errorf("the environment is not kept: %q", env)
			}
		})
	}
}

// lastEnv returns the value that os/exec gives the child for name: the
// last one in env.
func lastEnv(env []string, name string) string {
	v := ""
	for _, kv := range env {
		if k, val, ok := strings.Cut(kv, "="); ok && k == name {
			v = val
		}
	}
	return v
}
