// Package bytescan tells, eight bytes at a time, whether a stretch of text
// can be taken as it is: the fast path of the JSON parser's strings and of
// the JSON writer's, which at statewide size read and write hundreds of
// megabytes of plain ASCII.
package bytescan

const ones, highs = 0x0101010101010101, 0x8080808080808080

// JSONPlain8 reports whether none of the first eight bytes of s needs more
// than copying inside a JSON string: none is a control character, a quote,
// a backslash or a byte of a character outside ASCII, and, with html, none
// is <, > or &. s must hold eight bytes or more.
func JSONPlain8[T string | []byte](s T, html bool) bool {
	_ = s[7]
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	// Each test marks the top bit of the bytes it finds; the borrow of a
	// byte it finds may mark bytes above it too, so a test tells only
	// whether there is one.
	bad := x&highs | less(x, 0x20) | has(x, '"') | has(x, '\\')
	if html {
		bad |= has(x, '<') | has(x, '>') | has(x, '&')
	}
	return bad == 0
}

// less marks the bytes of x below n (n at most 0x80).
func less(x uint64, n byte) uint64 { return (x - uint64(n)*ones) &^ x & highs }

// has marks the bytes of x equal to c.
func has(x uint64, c byte) uint64 { return less(x^uint64(c)*ones, 1) }
