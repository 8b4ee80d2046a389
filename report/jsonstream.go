package report

import (
	"bufio"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/netreview/netreview/analysis"
	"github.com/netreview/netreview/internal/bytescan"
)

// JSON writes res as the findings contract's JSON object, indented, with a
// final newline: the bytes encoding/json writes for newCheckOutput(res)
// with two-space indentation and HTML left unescaped. It streams: each
// finding is written as it is encoded, without building the document, so a
// review of hundreds of thousands of findings needs no second copy of them.
func JSON(w io.Writer, res *analysis.Result) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	j := jsonWriter{w: bw}
	out := newCheckOutput(res)
	j.raw("{\n  \"netreview\": ")
	j.int(out.Netreview)
	j.raw(",\n  \"inputs\": ")
	j.strings(out.Inputs, "  ")
	s := out.Summary
	j.raw(",\n  \"summary\": {\n    \"sites\": ")
	j.int(s.Sites)
	j.raw(",\n    \"devices\": ")
	j.int(s.Devices)
	j.raw(",\n    \"links\": ")
	j.int(s.Links)
	j.raw(",\n    \"tunnels\": ")
	j.int(s.Tunnels)
	j.raw(",\n    \"findings\": {\n      \"critical\": ")
	j.int(s.Findings.Critical)
	j.raw(",\n      \"high\": ")
	j.int(s.Findings.High)
	j.raw(",\n      \"medium\": ")
	j.int(s.Findings.Medium)
	j.raw(",\n      \"low\": ")
	j.int(s.Findings.Low)
	j.raw(",\n      \"info\": ")
	j.int(s.Findings.Info)
	j.raw("\n    },\n    \"waived\": ")
	j.int(s.Waived)
	j.raw("\n  },\n  \"findings\": ")
	if len(out.Findings) == 0 {
		j.raw("[]")
	} else {
		j.raw("[")
		writeInOrder(bw, len(out.Findings), func(b textSink) func(i int) {
			fj := &jsonWriter{w: b}
			return func(i int) {
				if i > 0 {
					fj.raw(",")
				}
				fj.raw("\n    ")
				fj.finding(&out.Findings[i])
			}
		})
		j.raw("\n  ]")
	}
	j.raw("\n}\n")
	if j.err != nil {
		return j.err
	}
	return bw.Flush()
}

// jsonWriter appends JSON to a buffered writer, keeping the first error.
type jsonWriter struct {
	w   textSink
	buf []byte
	err error
	// The last citations a finding had, and their JSON: a rule's findings
	// share one list.
	policy     []string
	policyJSON []byte
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

func (j *jsonWriter) flushBuf() {
	if j.err == nil {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
}

func (j *jsonWriter) int(n int) {
	j.buf = strconv.AppendInt(j.buf[:0], int64(n), 10)
	j.flushBuf()
}

// strings writes a list of strings indented under indent, as encoding/json
// does: [] when empty, else one item a line.
func (j *jsonWriter) strings(list []string, indent string) {
	j.buf = appendJSONStrings(j.buf[:0], list, indent, false)
	j.flushBuf()
}

// finding writes one finding at the depth of the findings list, its fields
// in the order of analysis.Finding's JSON form, built in one buffer and
// written at once. A rule's findings share one list of citations
// (analysis.Finding.Policy): it is encoded once for each run of them.
//
// A finding's strings have <, > and & escaped (\u003c, \u003e, \u0026):
// analysis.Finding's MarshalJSON encodes with json.Marshal, which escapes
// them, and this writer keeps the bytes it has always written.
func (j *jsonWriter) finding(f *analysis.Finding) {
	const in = "      "
	b := append(j.buf[:0], "{\n"+in+"\"rule\": "...)
	b = appendJSONString(b, f.Rule, true)
	b = append(b, ",\n"+in+"\"severity\": "...)
	b = appendJSONString(b, f.Severity.String(), true)
	b = append(b, ",\n"+in+"\"subject\": "...)
	b = appendJSONString(b, f.Subject, true)
	b = append(b, ",\n"+in+"\"kind\": "...)
	b = appendJSONString(b, string(f.Kind), true)
	b = append(b, ",\n"+in+"\"message\": "...)
	b = appendJSONString(b, f.Message, true)
	b = append(b, ",\n"+in+"\"policy\": "...)
	if len(f.Policy) == 0 || len(j.policy) != len(f.Policy) || &j.policy[0] != &f.Policy[0] {
		j.policy, j.policyJSON = f.Policy, appendJSONStrings(j.policyJSON[:0], f.Policy, in, true)
	}
	b = append(b, j.policyJSON...)
	if len(f.Path) > 0 {
		b = append(b, ",\n"+in+"\"path\": "...)
		b = appendJSONStrings(b, f.Path, in, true)
	}
	b = append(b, ",\n"+in+"\"sites\": "...)
	b = appendJSONStrings(b, f.Sites, in, true)
	b = append(b, ",\n"+in+"\"agencies\": "...)
	b = appendJSONStrings(b, f.Agencies, in, true)
	b = append(b, ",\n"+in+"\"at\": "...)
	b = appendJSONString(b, f.At, true)
	if f.Waived {
		b = append(b, ",\n"+in+"\"waived\": true"...)
	} else {
		b = append(b, ",\n"+in+"\"waived\": false"...)
	}
	if w := f.Waiver; w != nil {
		const in2 = in + "  "
		b = append(b, ",\n"+in+"\"waiver\": {\n"+in2+"\"reason\": "...)
		b = appendJSONString(b, w.Reason, true)
		if w.ApprovedBy != "" {
			b = append(b, ",\n"+in2+"\"approved-by\": "...)
			b = appendJSONString(b, w.ApprovedBy, true)
		}
		if w.Expires != "" {
			b = append(b, ",\n"+in2+"\"expires\": "...)
			b = appendJSONString(b, w.Expires, true)
		}
		b = append(b, ",\n"+in2+"\"at\": "...)
		b = appendJSONString(b, w.At, true)
		b = append(b, "\n"+in+"}"...)
	}
	j.buf = append(b, "\n    }"...)
	j.flushBuf()
}

// appendJSONStrings appends a list of strings indented under indent, as
// encoding/json writes it: [] when empty, else one item a line; with html,
// <, > and & escaped.
func appendJSONStrings(b []byte, list []string, indent string, html bool) []byte {
	if len(list) == 0 {
		return append(b, "[]"...)
	}
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n  "...)
		b = append(b, indent...)
		b = appendJSONString(b, s, html)
	}
	b = append(b, '\n')
	b = append(b, indent...)
	return append(b, ']')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string exactly as encoding/json
// writes it: quotes and backslashes escaped, \b \f \n \r \t by name, other
// control characters as \u00XX, U+2028 and U+2029 escaped, each byte of
// invalid UTF-8 as \ufffd, and with html <, > and & as \u00XX too.
func appendJSONString(dst []byte, s string, html bool) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while none of them needs a look: the
		// messages of a statewide check are 200 MB of plain ASCII.
		i += bytescan.JSONPlainRun(s[i:], html)
		if i >= len(s) {
			break
		}
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && !(html && (b == '<' || b == '>' || b == '&')) {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
