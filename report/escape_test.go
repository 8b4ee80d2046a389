package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/netreview/netreview/analysis"
)

func TestTerminalSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Riverbend PD", "Riverbend PD"},
		{"Évry Gendarmerie", "Évry Gendarmerie"},
		{"x\x1b[2Jy", `x\x1b[2Jy`},
		{"a\nb\rc\td", `a\x0ab\x0dc\x09d`},
		{"bell\a del\x7f c1\u009b", `bell\x07 del\x7f c1\x9b`},
		{"abc\u202edcba", `abc\u202edcba`},
		{"zero\u200bwidth\ufeff", `zero\u200bwidth\ufeff`},
		{"bad\xffbyte", `bad\xffbyte`},
	}
	for _, tt := range tests {
		if got := TerminalSafe(tt.in); got != tt.want {
			t.Errorf("TerminalSafe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostileResult is a result whose proposal text tries to take over a
// terminal or a Markdown document.
func hostileResult() *analysis.Result {
	res := reviewResult()
	d := res.Model.Docs[0]
	d.Agency.Name = "Evil PD\x1b[2J\x1b[H\n0 critical, 0 high, 0 medium, 0 low, 0 info; 0 waived\n# Heading"
	d.Proposal.Title = "[click](javascript:alert(1)) ![x](http://example.com/t.png) <img src=x>"
	res.Findings[0].Message = "line one\n## injected heading\n- injected item | cell"
	res.Findings[0].Subject = "hq`annex"
	return res
}

func TestTextStripsControls(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, hostileResult(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	if strings.ContainsRune(s, '\x1b') {
		t.Errorf("text output holds an escape character:\n%q", s)
	}
	n := 0
	for _, line := range strings.Split(s, "\n") {
		if strings.HasSuffix(line, " waived") && !strings.HasPrefix(line, "Agency:") {
			n++
			if !strings.HasPrefix(line, "1 critical,") {
				t.Errorf("a summary line that is not netreview's: %q", line)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d summary lines, want 1:\n%s", n, s)
	}
}

func TestMarkdownNeutralises(t *testing.T) {
	forms := map[string]func(*bytes.Buffer, *analysis.Result) error{
		"check markdown": func(b *bytes.Buffer, r *analysis.Result) error { return Markdown(b, r) },
		"report":         func(b *bytes.Buffer, r *analysis.Result) error { return MarkdownReport(b, r) },
		"letter": func(b *bytes.Buffer, r *analysis.Result) error {
			return noticeMarkdown(b, r, NoticeOptions{Due: reviewDue})
		},
	}
	for name, write := range forms {
		var b bytes.Buffer
		if err := write(&b, hostileResult()); err != nil {
			t.Fatal(err)
		}
		s := b.String()
		for _, bad := range []string{"](javascript:", "![x](http", "<img", "\n# Heading", "\n## injected", "\n- injected", "\x1b", "hq`annex"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: Markdown holds %q:\n%s", name, bad, s)
			}
		}
		for _, line := range strings.Split(s, "\n") {
			if strings.HasPrefix(line, "|") && strings.Contains(line, "injected") && strings.Count(line, "|")-strings.Count(line, `\|`) != 7 {
				t.Errorf("%s: the message adds a table cell: %q", name, line)
			}
		}
	}
}

func TestMDEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Annex & Garage", "Annex & Garage"},
		{"- item", `\- item`},
		{"+ item", `\+ item`},
		{"12. item", `12\. item`},
		{"3) item", `3\) item`},
		{"2026 budget", "2026 budget"},
		{"6.0", "6.0"},
		{"-x", "-x"},
		{"---", `\---`},
		{"-", `\-`},
		{"- - -", `\- - -`},
		{"===", `\===`},
		{"= = =", `\= = =`},
		{"-=-x", "-=-x"},
		{"a\r\nb", "a b"},
		{"[x](y)", `\[x\]\(y\)`},
		{"![i](u)", `\!\[i\]\(u\)`},
		{"<b> > q", "&lt;b\\> \\> q"},
		{"# h", `\# h`},
		{"a|b `c` *d* _e_ ~f~", "a\\|b \\`c\\` \\*d\\* \\_e\\_ \\~f\\~"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := mdCode("hq-annex.1:a/b_c"); got != "`hq-annex.1:a/b_c`" {
		t.Errorf("mdCode of an id = %q", got)
	}
	if got := mdCode("a`b"); got != "a\\`b" {
		t.Errorf("mdCode(a`b) = %q", got)
	}
}

// mdReplacer is mdReplace by its definition, as a strings.Replacer.
var mdReplacer = strings.NewReplacer(
	"\\", "\\\\", "*", "\\*", "_", "\\_", "`", "\\`", "|", "\\|",
	"[", "\\[", "]", "\\]", "(", "\\(", ")", "\\)", "!", "\\!", "#", "\\#",
	"~", "\\~", "<", "&lt;", ">", "\\>",
	"\r\n", " ", "\n", " ", "\r", " ",
)

// TestEscapeShortcuts checks the escapes' loops against their definitions,
// on every byte alone and on random strings of bytes, ASCII and runes that
// need escaping: needsTerminalEscape's ASCII test against unsafeRune, and
// mdReplace against mdReplacer.
func TestEscapeShortcuts(t *testing.T) {
	pieces := []string{"a", "Z", "0", "-", " ", ".", "→", "é", "\u202e", "\u00ad", "\u200b", "\x85", "\xff", "\r\n"}
	for b := range 256 {
		pieces = append(pieces, string([]byte{byte(b)}))
	}
	check := func(s string) {
		slow := false
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			slow = slow || (r == utf8.RuneError && size == 1) || unsafeRune(r)
			i += size
		}
		if got := needsTerminalEscape(s); got != slow {
			t.Fatalf("needsTerminalEscape(%q) = %v, want %v", s, got, slow)
		}
		if got, want := mdReplace(s), mdReplacer.Replace(s); got != want {
			t.Fatalf("mdReplace(%q) = %q, want %q", s, got, want)
		}
	}
	for _, p := range pieces {
		check(p)
		// After and before runs read eight bytes at a time.
		for pad := range 17 {
			check(strings.Repeat("a", pad) + p + strings.Repeat("b", 16-pad))
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var s strings.Builder
		for range r.IntN(8) {
			s.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(s.String())
	}
}
