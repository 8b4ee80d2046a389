// Package words writes counts and lists the way a reader expects them in a
// heading: thousands grouped, long lists cut short with the rest counted.
package words

import (
	"strconv"
	"strings"
)

// Grouped writes n with its thousands grouped by commas, as a reader
// writes a count: 219,151.
func Grouped(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Listed is how many items a heading names before it counts the rest: a
// statewide review has thousands of agencies and files.
const Listed = 5

// More is "" when n items fit in a heading, else how many are left out
// after the first Listed, with the noun (one, or many): "3,695 more
// agencies".
func More(n int, one, many string) string {
	switch {
	case n <= Listed:
		return ""
	case n == Listed+1:
		return "1 more " + one
	}
	return Grouped(n-Listed) + " more " + many
}

// List joins the first Listed of items with sep, and counts the rest:
// "a, b, c, d, e and 3,695 more agencies".
func List(items []string, sep, one, many string) string {
	s := strings.Join(items[:min(len(items), Listed)], sep)
	if more := More(len(items), one, many); more != "" {
		s += " and " + more
	}
	return s
}
