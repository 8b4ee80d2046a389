package bytescan

import (
	"math/rand/v2"
	"testing"
)

// plain is JSONPlain8 byte by byte.
func plain(b []byte, html bool) bool {
	for _, c := range b[:8] {
		if c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || html && (c == '<' || c == '>' || c == '&') {
			return false
		}
	}
	return true
}

// TestJSONPlain8 puts every byte value at every place of eight plain
// bytes, then tries random words (whose bytes are often neighbors of the
// ones that matter): the word test agrees with the byte test.
func TestJSONPlain8(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		for _, html := range []bool{false, true} {
			if got, want := JSONPlain8(b, html), plain(b, html); got != want {
				t.Fatalf("JSONPlain8(%q, %v) = %v, want %v", b, html, got, want)
			}
			if got, want := JSONPlain8(string(b), html), plain(b, html); got != want {
				t.Fatalf("JSONPlain8(string %q, %v) = %v, want %v", b, html, got, want)
			}
		}
	}
	for c := range 256 {
		for i := range 8 {
			b := []byte("abcdefgh")
			b[i] = byte(c)
			check(b)
			if i > 0 {
				b[i-1] = byte(c) ^ 1 // a neighbor below it
				check(b)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	near := []byte{0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', '%', '&', '\'', ';', '<', '=', '>', '?', 0x7f, 0x80, 0xff, 'a'}
	b := make([]byte, 8)
	for range 200000 {
		for i := range b {
			b[i] = near[r.IntN(len(near))]
		}
		check(b)
	}
}

// FuzzJSONPlain8 holds the word test to the byte test on any eight bytes.
func FuzzJSONPlain8(f *testing.F) {
	f.Add([]byte("abcdefgh"), false)
	f.Add([]byte("a<b>c&d\""), true)
	f.Fuzz(func(t *testing.T, b []byte, html bool) {
		if len(b) < 8 {
			return
		}
		if got, want := JSONPlain8(b, html), plain(b, html); got != want {
			t.Fatalf("JSONPlain8(%q, %v) = %v, want %v", b, html, got, want)
		}
	})
}
