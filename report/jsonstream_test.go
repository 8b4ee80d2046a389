package report

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/topology"
	"github.com/netreview/netreview/topology/load"
)

// encodingJSON is the reference: the contract's object as encoding/json
// writes it, indented, HTML unescaped.
func encodingJSON(t testing.TB, res *analysis.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(newCheckOutput(res)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func streamJSON(t testing.TB, res *analysis.Result) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := JSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestJSONMatchesEncodingJSON checks the streaming writer byte for byte
// against encoding/json: on the statewide samples, on no findings, and on
// many random findings whose strings hold every kind of character JSON
// escapes, some sharing their citations, or the start of them, with the
// finding before.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	state := sampleResult(t, "backbone.yaml", "bayview-pd-fleet.yaml", "cedar-county-so.yaml", "riverbend-pd.yaml", "tri-county-dispatch.yaml")
	empty := &analysis.Result{Model: &topology.Model{}}
	cases := map[string]*analysis.Result{"statewide": state, "empty": empty}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		res := &analysis.Result{Model: state.Model}
		for range r.IntN(6) {
			f := randomFinding(r)
			if n := len(res.Findings); n > 0 && r.IntN(2) == 0 {
				// A rule's findings share its citations: the list of the
				// finding before, or the start of it.
				prev := res.Findings[n-1].Policy
				f.Policy = prev[:r.IntN(len(prev)+1)]
			}
			res.Findings = append(res.Findings, f)
		}
		cases["random"+string(rune('a'+i%26))+string(rune('a'+i/26))] = res
	}
	for name, res := range cases {
		if got, want := streamJSON(t, res), encodingJSON(t, res); !bytes.Equal(got, want) {
			t.Fatalf("%s: streamed JSON differs:\n%s\nwant:\n%s", name, got, want)
		}
	}
}

// alphabet holds what JSON strings must escape, and what they must not.
var alphabet = []string{"a", "Z", "0", " ", "-", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\x00", "\x1f", "\x7f",
	"<", ">", "&", "é", "\u2028", "\u2029", "\ufffd", "\xff", "\xc3", "\xe2\x80", "😀", "\U0010ffff"}

func randomString(r *rand.Rand) string {
	var b []byte
	for range r.IntN(8) {
		b = append(b, alphabet[r.IntN(len(alphabet))]...)
	}
	return string(b)
}

func randomStrings(r *rand.Rand) []string {
	if r.IntN(3) == 0 {
		return nil
	}
	out := make([]string, r.IntN(4))
	for i := range out {
		out[i] = randomString(r)
	}
	return out
}

func randomFinding(r *rand.Rand) analysis.Finding {
	f := analysis.Finding{
		Rule: randomString(r), Severity: analysis.Severity(r.IntN(5)), Subject: randomString(r),
		Kind: analysis.Kind(randomString(r)), Message: randomString(r), Policy: randomStrings(r),
		Path: randomStrings(r), Sites: randomStrings(r), Agencies: randomStrings(r), At: randomString(r),
		Waived: r.IntN(2) == 0,
	}
	if r.IntN(3) == 0 {
		f.Waiver = &analysis.WaiverDetail{Reason: randomString(r), At: randomString(r)}
		if r.IntN(2) == 0 {
			f.Waiver.ApprovedBy = randomString(r)
		}
		if r.IntN(2) == 0 {
			f.Waiver.Expires = randomString(r)
		}
	}
	return f
}

// FuzzJSONString checks appendJSONString against encoding/json on any
// string.
func FuzzJSONString(f *testing.F) {
	for _, s := range alphabet {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sameAsEncodingJSON(t, s)
	})
}

// sameAsEncodingJSON fails t unless appendJSONString writes s as
// encoding/json does, with HTML escaped and not.
func sameAsEncodingJSON(t *testing.T, s string) {
	t.Helper()
	for _, html := range []bool{false, true} {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(html)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
		if got := appendJSONString(nil, s, html); !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q, %v) = %s, want %s", s, html, got, want)
		}
	}
}

// TestJSONStringEightAtATime puts each character that needs a look at
// every place of a long ASCII string, and before and after the last full
// eight bytes: appendJSONString writes what encoding/json writes.
func TestJSONStringEightAtATime(t *testing.T) {
	specials := []string{"\x00", "\x1f", "\n", `"`, `\`, "<", ">", "&", "\x7f", "é", "\u2028", "\u2029", "\xff", "\xe2\x80", "🚓"}
	plain := "Is the encryption of link a00001-hq-wan FIPS validated?"
	for _, sp := range specials {
		for i := 0; i <= len(plain); i++ {
			sameAsEncodingJSON(t, plain[:i]+sp+plain[i:])
		}
	}
}

// BenchmarkJSON writes 20,000 findings of the statewide samples, streamed
// and through encoding/json, for benchstat.
func BenchmarkJSON(b *testing.B) {
	m, _, err := load.Files([]string{"../samples/backbone.yaml", "../samples/bayview-pd-fleet.yaml", "../samples/cedar-county-so.yaml", "../samples/riverbend-pd.yaml", "../samples/tri-county-dispatch.yaml"})
	if err != nil {
		b.Fatal(err)
	}
	res, err := analysis.Run(m, analysis.Config{})
	if err != nil {
		b.Fatal(err)
	}
	many := &analysis.Result{Model: res.Model}
	for len(many.Findings) < 20000 {
		many.Findings = append(many.Findings, res.Findings...)
	}
	b.Run("stream", func(b *testing.B) {
		for b.Loop() {
			if err := JSON(discard{}, many); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			enc := json.NewEncoder(discard{})
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(newCheckOutput(many)); err != nil {
				b.Fatal(err)
			}
		}
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
