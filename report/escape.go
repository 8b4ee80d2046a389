package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/netreview/netreview/internal/bytescan"
)

// Text from a proposal (names, ids, reasons, titles) reaches terminals,
// Markdown documents and letters. Proposals come from outside the state's
// network, so the writers here neutralize that text: a terminal never
// receives a control character or escape sequence from it, and Markdown
// never receives structure (a heading, a list, a link, an image, a table
// cell) from it.

// TerminalSafe returns s with every control character (C0, DEL, C1), and
// every Unicode bidirectional or invisible formatting character, written
// as a Go escape (`\x1b`, `\u202e`): visible to the reader, inert for the
// terminal. An agency name cannot clear the screen, move the cursor, start
// a new line or fake the summary line.
func TerminalSafe(s string) string {
	if !needsTerminalEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r):
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

func needsTerminalEscape(s string) bool {
	for i := 0; i < len(s); {
		if i += bytescan.PrintableRun(s[i:]); i == len(s) {
			break
		}
		if b := s[i]; b < utf8.RuneSelf { // ASCII: unsafeRune holds for C0 and DEL alone
			if b < 0x20 || b == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unsafeRune(r) {
			return true
		}
		i += size
	}
	return false
}

// unsafeRune reports whether r is a control character, or a formatting
// character (bidirectional overrides and isolates, zero-width marks, the
// byte order mark) that would make text read other than it is stored.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// mdEscape escapes proposal text for Markdown: on one line (a newline
// becomes a space, so no heading or list can start), with every character
// of mdSpecial escaped, a leading list marker ("- ", "+ ", "1. ") or
// thematic break escaped,
// and control characters made visible as TerminalSafe does.
func mdEscape(s string) string {
	s = mdReplace(s)
	s = TerminalSafe(s)
	if s == "" {
		return s
	}
	// A list marker or a thematic break counts only at the start of a
	// line and before a space or the end.
	marker := func(i int) bool { return i == len(s) || s[i] == ' ' || s[i] == '\t' }
	if (s[0] == '-' || s[0] == '+') && marker(1) || thematicBreak(s) {
		return "\\" + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') && marker(i+1) {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// thematicBreak reports whether s is made of hyphens, equals signs and
// spaces only, which Markdown may read as a rule or a heading's underline.
func thematicBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != '-' && c != '=' && c != ' ' {
			return false
		}
	}
	return true
}

// mdSpecial are the characters that make Markdown structure, links,
// images, emphasis, code or HTML anywhere in a line, and line ends.
var mdSpecial = func() (t [256]bool) {
	for _, b := range []byte("\\*_`|[]()!#~<>\r\n") {
		t[b] = true
	}
	return t
}()

// mdReplace writes each character of mdSpecial with a backslash, "<" as an
// entity (so that no HTML or autolink starts), and a line end (CR LF, LF
// or CR) as a space; s itself when it has none (most ids and messages).
func mdReplace(s string) string {
	i := 0
	for i < len(s) && !mdSpecial[s[i]] {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case !mdSpecial[c]:
			b = append(b, c)
		case c == '\r':
			b = append(b, ' ')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '\n':
			b = append(b, ' ')
		case c == '<':
			b = append(b, "&lt;"...)
		default:
			b = append(b, '\\', c)
		}
	}
	return string(b)
}

// mdParagraphs is mdEscape for text of several paragraphs, separated by
// blank lines: each paragraph escaped on one line, the blank lines kept.
func mdParagraphs(s string) string {
	ps := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n\n")
	for i, p := range ps {
		ps[i] = mdEscape(strings.TrimSpace(p))
	}
	return strings.Join(ps, "\n\n")
}

// mdCell escapes s for a Markdown table cell, on one line.
func mdCell(s string) string {
	return strings.Join(strings.Fields(mdEscape(s)), " ")
}

// mdCode writes an id as inline code when it holds only the characters of
// the format's ids (which need no escaping in a code span), else as
// escaped text.
func mdCode(s string) string {
	if s == "" || strings.IndexFunc(s, func(r rune) bool {
		return !(r < utf8.RuneSelf && (r == '-' || r == '_' || r == '.' || r == ':' || r == '/' ||
			'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'))
	}) >= 0 {
		return mdEscape(s)
	}
	return "`" + s + "`"
}
