package render_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/netreview/netreview/render"
)

// smallJob is a job of two nodes, drawn as SVG.
var smallJob = &render.Job{Format: render.SVG, Page: render.PagePoster,
	Heading: render.Graph{Engine: "dot", DOT: `graph h { h [shape=plain, label="FOUO"] }`},
	Diagram: render.Graph{Engine: "dot", DOT: `graph g { a -- b }`}}

// draw draws smallJob with a Helper of its own (this test binary, see
// TestMain), in a process of its own.
func draw(t *testing.T) {
	t.Helper()
	out, err := render.NewHelper().Draw(context.Background(), smallJob)
	if err != nil || !strings.Contains(string(out), "<svg") {
		t.Fatalf("drawing: %v, %.100q", err, out)
	}
}

// compiled returns the compiled modules that go-graphviz keeps in the
// cache directory dir, and fails on any temporary file left there.
func compiled(t *testing.T, dir string) []string {
	t.Helper()
	all, _ := filepath.Glob(filepath.Join(dir, "go-graphviz", "wazero-*", "*"))
	var mods []string
	for _, p := range all {
		if strings.Contains(filepath.Base(p), ".") {
			t.Errorf("left in the cache: %s", p)
			continue
		}
		mods = append(mods, p)
	}
	return mods
}

// skipCompiling skips a test that has the helper compile the WebAssembly
// module (about 1 s of CPU each time) under -short.
func skipCompiling(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: compiles go-graphviz's WebAssembly module, about 1 s each")
	}
}

// firstDraw draws once with $NETREVIEW_GRAPHVIZ_CACHE set to an empty
// directory, and returns it and the compiled module the helper kept there.
func firstDraw(t *testing.T) (dir, module string) {
	t.Helper()
	skipCompiling(t)
	dir = t.TempDir()
	t.Setenv("NETREVIEW_GRAPHVIZ_CACHE", dir)
	draw(t)
	mods := compiled(t, dir)
	if len(mods) != 1 {
		t.Fatalf("compiled modules in the cache: %q, want one", mods)
	}
	return dir, mods[0]
}

// TestHelperCache: the helper keeps the compiled module in
// $NETREVIEW_GRAPHVIZ_CACHE, and the next run loads it instead of compiling
// again.
func TestHelperCache(t *testing.T) {
	dir, mod := firstDraw(t)
	before, err := os.Stat(mod)
	if err != nil {
		t.Fatal(err)
	}
	draw(t)
	after, err := os.Stat(mod)
	if err != nil || !after.ModTime().Equal(before.ModTime()) || len(compiled(t, dir)) != 1 {
		t.Errorf("the second run wrote the cache again: %v, %v -> %v", err, before.ModTime(), after.ModTime())
	}
}

// TestHelperCacheOff: with the cache off nothing is written, not even in
// the user's cache directory, and the helper still draws.
func TestHelperCacheOff(t *testing.T) {
	skipCompiling(t)
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", home)
	t.Setenv("HOME", home)
	t.Setenv("NETREVIEW_GRAPHVIZ_CACHE", "off")
	draw(t)
	if entries, _ := os.ReadDir(home); len(entries) > 0 {
		t.Errorf("the cache is off, yet %s holds %v", home, entries)
	}
}

// TestHelperCacheReadOnly: a cache directory in which the compiled module
// cannot be written, which makes go-graphviz's init panic, is not used:
// the helper compiles without it and draws.
func TestHelperCacheReadOnly(t *testing.T) {
	_, mod := firstDraw(t)
	if err := os.Remove(mod); err != nil {
		t.Fatal(err)
	}
	render.ReadOnlyForTest(t, filepath.Dir(mod))
	draw(t)
}

// TestHelperCacheConcurrent: two helpers that start at once with an empty
// cache both compile, both draw, and leave one compiled module and no
// temporary file.
func TestHelperCacheConcurrent(t *testing.T) {
	skipCompiling(t)
	dir := t.TempDir()
	t.Setenv("NETREVIEW_GRAPHVIZ_CACHE", dir)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { draw(t) })
	}
	wg.Wait()
	if mods := compiled(t, dir); len(mods) != 1 {
		t.Errorf("compiled modules: %q, want one", mods)
	}
}

// TestHelperEnvironment: the helper program gets the cache as its
// temporary directory, without losing the rest of the environment.
func TestHelperEnvironment(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("NETREVIEW_GRAPHVIZ_CACHE", dir)
	t.Setenv("NETREVIEW_TEST_MARK", "kept")
	h := helperAt(t, writeScript(t, `echo "$TMPDIR $NETREVIEW_TEST_MARK"`))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, err := h.Draw(ctx, smallJob)
	if want := dir + " kept\n"; err != nil || string(out) != want {
		t.Errorf("the helper's environment: %q, %v; want %q", out, err, want)
	}
}
