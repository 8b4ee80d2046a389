package analysis

import "github.com/netreview/netreview/topology"

// encVerdict is what the encryption rules make of a link's or tunnel's
// encryption.
type encVerdict int

const (
	encCleartext encVerdict = iota // no encryption field, protocol none, or no protocol
	encWeak                        // no FIPS certificate, or a key under 128 bits
	encAccepted                    // a FIPS-validated module and (where given) a key of 128 bits or more
)

// classifyEncryption judges enc. An encryption with no protocol does not
// show that the link is encrypted: it counts as protocol none (and the
// unanswered rule asks for the protocol). A key length that is not given (0)
// does not make encryption weak: it is a question for the unanswered rule.
func classifyEncryption(enc *topology.Encryption) encVerdict {
	switch {
	case enc == nil || enc.Protocol == topology.ProtoNone || enc.Protocol == "":
		return encCleartext
	case enc.FIPS == "" || (enc.Bits > 0 && enc.Bits < 128):
		return encWeak
	}
	return encAccepted
}

// kindWord is the word for a finding kind in a message.
func kindWord(k Kind) string { return string(k) }
