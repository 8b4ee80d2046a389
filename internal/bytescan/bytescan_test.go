package bytescan

import (
	"math/rand/v2"
	"testing"
)

// plain is the test of JSONPlainRun on eight bytes, byte by byte.
func plain(b []byte, html bool) bool {
	for _, c := range b[:8] {
		if c < 0x20 || c >= 0x80 || c == '"' || c == '\\' || html && (c == '<' || c == '>' || c == '&') {
			return false
		}
	}
	return true
}

// jsonPlain8 is JSONPlainRun's answer for eight bytes.
func jsonPlain8[T string | []byte](s T, html bool) bool { return JSONPlainRun(s, html) == 8 }

// TestJSONPlain8 puts every byte value at every place of eight plain
// bytes, then tries random words (whose bytes are often neighbors of the
// ones that matter): the word test agrees with the byte test.
func TestJSONPlain8(t *testing.T) {
	check := func(b []byte) {
		t.Helper()
		for _, html := range []bool{false, true} {
			if got, want := jsonPlain8(b, html), plain(b, html); got != want {
				t.Fatalf("JSONPlainRun(%q, %v) says plain %v, want %v", b, html, got, want)
			}
			if got, want := jsonPlain8(string(b), html), plain(b, html); got != want {
				t.Fatalf("JSONPlainRun(string %q, %v) says plain %v, want %v", b, html, got, want)
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
		b = b[:8]
		if got, want := jsonPlain8(b, html), plain(b, html); got != want {
			t.Fatalf("JSONPlainRun(%q, %v) says plain %v, want %v", b, html, got, want)
		}
	})
}

// TestJSONPlainRun checks the run word by word: it
// stops at the first word that needs a look, and leaves a last part word
// to the caller.
func TestJSONPlainRun(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abcdefg", 0},
		{"abcdefgh", 8},
		{"abcdefghijklmnop\"", 16},
		{"abcdefghijklmno\"p", 8},
		{"abc\"defghijklmnop", 0},
		{"abcdefghijklmnopqrstuvwxyz", 24},
		{"abcdefgh<ijklmnop", 16}, // < is plain without html
	}
	for _, tt := range tests {
		if got := JSONPlainRun(tt.s, false); got != tt.want {
			t.Errorf("JSONPlainRun(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
	if got := JSONPlainRun([]byte("abcdefgh<ijklmnop"), true); got != 8 {
		t.Errorf("JSONPlainRun(html) = %d, want 8", got)
	}
}

// TestPrintableRun puts every byte value at every place of sixteen
// printable bytes: the run stops at the word that holds a byte that is not
// printable ASCII, and only there.
func TestPrintableRun(t *testing.T) {
	for c := range 256 {
		for i := range 16 {
			b := []byte("abcdefgh ~!{}|<>")
			b[i] = byte(c)
			want := 16
			if c < 0x20 || c >= 0x7f {
				want = i / 8 * 8
			}
			if got := PrintableRun(string(b)); got != want {
				t.Fatalf("PrintableRun(%q) = %d, want %d", b, got, want)
			}
		}
	}
	if got := PrintableRun("abcdefghijk"); got != 8 {
		t.Errorf("PrintableRun of 11 bytes = %d, want 8", got)
	}
}
