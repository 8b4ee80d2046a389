package render

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// cacheEnv is the environment variable that says where the Graphviz helper
// keeps the machine code that go-graphviz compiles from Graphviz's
// WebAssembly module (about 1 s of CPU; loading it back takes a few
// milliseconds): unset or empty for netreview/graphviz in the user's cache
// directory (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux), a
// directory, or "off" for none, when every drawing compiles the module
// again.
const cacheEnv = "NETREVIEW_GRAPHVIZ_CACHE"

// cacheOff is the value of cacheEnv that turns the cache off.
const cacheOff = "off"

// HelperEnviron returns the environment to run the Graphviz helper with,
// for whatever it draws: this process's, with go-graphviz's compilation
// cache where $NETREVIEW_GRAPHVIZ_CACHE says: unset or empty for
// netreview/graphviz in the user's cache directory, a directory, or "off"
// for none. Helper runs the helper with it.
func HelperEnviron() []string {
	return helperEnv(os.Environ(), os.Getenv(cacheEnv), os.UserCacheDir)
}

// helperEnv returns the environment the helper runs with: environ, with
// the temporary directory pointed at the compilation cache.
//
// go-graphviz keeps its compiled module in go-graphviz/ under
// os.TempDir(), which it reads in a package init, before any code of the
// helper runs; the temporary directory of the helper's environment is the
// only way to choose the place. Left alone it is /tmp/go-graphviz, shared
// by every user of the machine: whoever comes second finds the first
// user's directory (mode 0700) unreadable, and go-graphviz's init panics;
// and a compiled module that another user can write is machine code that
// the helper runs. So the cache is per user and private; when it cannot be
// used (off, no user cache directory, not writable), the temporary
// directory is os.DevNull, under which go-graphviz can create nothing and
// so compiles without a cache.
func helperEnv(environ []string, cache string, userCacheDir func() (string, error)) []string {
	tmp, err := cacheTempDir(cache, userCacheDir)
	if err != nil || tmp == "" {
		tmp = os.DevNull
	}
	env := append([]string(nil), environ...)
	for _, name := range tempDirVars() {
		env = append(env, name+"="+tmp) // a later entry wins (os/exec)
	}
	return env
}

// tempDirVars are the variables from which os.TempDir reads the temporary
// directory.
func tempDirVars() []string {
	if runtime.GOOS == "windows" {
		return []string{"TMP", "TEMP"}
	}
	return []string{"TMPDIR"}
}

// cacheTempDir returns the directory to give the helper as its temporary
// directory so that go-graphviz keeps its compiled module in the cache
// that setting (the value of cacheEnv) names, or "" for no cache. The
// error says why a cache that was asked for cannot be used.
func cacheTempDir(setting string, userCacheDir func() (string, error)) (string, error) {
	var dir string
	switch setting {
	case cacheOff:
		return "", nil
	case "":
		base, err := userCacheDir()
		if err != nil {
			return "", fmt.Errorf("no user cache directory: %w", err)
		}
		dir = filepath.Join(base, "netreview", "graphviz")
	default:
		abs, err := filepath.Abs(setting)
		if err != nil {
			return "", err
		}
		dir = abs
	}
	if err := checkCache(filepath.Join(dir, "go-graphviz")); err != nil {
		return "", err
	}
	return dir, nil
}

// checkCache makes sure that go-graphviz can use dir for its cache: that
// it is a directory, created if need be, in which this user can write, as
// in every directory in it (wazero keeps one per wazero version and
// platform). go-graphviz's init panics when it can read the cache
// directory but not write the module it compiled there.
func checkCache(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	dirs := []string{dir}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(dir, e.Name()))
		}
	}
	for _, d := range dirs {
		f, err := os.CreateTemp(d, ".netreview-probe-*")
		if err != nil {
			return fmt.Errorf("cannot write in %s: %w", d, err)
		}
		name := f.Name()
		f.Close()
		if err := os.Remove(name); err != nil {
			return err
		}
	}
	return nil
}
