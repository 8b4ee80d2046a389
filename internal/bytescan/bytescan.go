// Package bytescan tells, eight bytes at a time, whether a stretch of text
// can be taken as it is: the fast path of the JSON parser's strings, of the
// JSON writer's and of the check for what a terminal must not be sent,
// which at statewide size read and write hundreds of megabytes of plain
// ASCII.
package bytescan

const ones, highs = 0x0101010101010101, 0x8080808080808080

// JSONPlainRun returns how many of the first bytes of s, taken eight at a
// time, need no more than copying inside a JSON string: none is a control
// character, a quote, a backslash or a byte of a character outside ASCII,
// and, with html, none is <, > or &. The count is a multiple of eight: the
// eight bytes that hold the first that needs a look, and the last
// len(s)%8, are the caller's to read one by one.
func JSONPlainRun[T string | []byte](s T, html bool) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// Each test marks the top bit of the bytes it finds; the borrow
		// of a byte it finds may mark bytes above it too, so a test tells
		// only whether there is one.
		bad := x&highs | less(x, 0x20) | has(x, '\\')
		if html {
			// A quote and & differ in one bit only (0x04), as < and >
			// do (0x02): with that bit set, each pair is one test.
			bad |= has(x|0x04*ones, '&') | has(x|0x02*ones, '>')
		} else {
			bad |= has(x, '"')
		}
		if bad != 0 {
			break
		}
	}
	return i
}

// PrintableRun returns how many of the first bytes of s, taken eight at a
// time, are printable ASCII: none is a control character (below 0x20, or
// DEL) or a byte of a character outside ASCII. The count is a multiple of
// eight, as JSONPlainRun's is.
func PrintableRun(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if x&highs|less(x, 0x20)|has(x, 0x7f) != 0 {
			break
		}
	}
	return i
}

// less marks the bytes of x below n (n at most 0x80).
func less(x uint64, n byte) uint64 { return (x - uint64(n)*ones) &^ x & highs }

// has marks the bytes of x equal to c.
func has(x uint64, c byte) uint64 { return less(x^uint64(c)*ones, 1) }
