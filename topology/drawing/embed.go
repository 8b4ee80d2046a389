package drawing

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
)

// svgContent returns the draw.io document that a .drawio.svg embeds in the
// content attribute of its <svg> element.
func svgContent(data []byte) ([]byte, error) {
	dec := newDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				return nil, errors.New("not an SVG file: no <svg> element")
			}
			return nil, errorAt(data, dec, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "svg" {
			return nil, fmt.Errorf("not an SVG file: the document is <%s>", se.Name.Local)
		}
		c := strings.TrimSpace(attr(se, "content"))
		if c == "" {
			return nil, errors.New("the SVG holds no draw.io drawing (no content attribute on <svg>): save it from draw.io with \"Include a copy of my diagram\"")
		}
		return embedded(c)
	}
}

// embedded decodes an embedded document: XML as is, URL-encoded XML, or
// base64 of either.
func embedded(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "%3C") || strings.HasPrefix(s, "%3c") {
		d, err := url.PathUnescape(s)
		if err != nil {
			return nil, fmt.Errorf("embedded drawing: bad URL encoding: %v", err)
		}
		s = d
	}
	if strings.HasPrefix(s, "<") {
		return []byte(s), nil
	}
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, errors.New("embedded drawing: neither XML nor base64")
	}
	if bytes.HasPrefix(raw, []byte("<")) || bytes.HasPrefix(raw, []byte("%3C")) {
		return embedded(string(raw))
	}
	return nil, errors.New("embedded drawing: not XML")
}

var pngMagic = []byte("\x89PNG\r\n\x1a\n")

// pngContent returns the draw.io document that a .drawio.png embeds in a
// text chunk (tEXt, zTXt or iTXt) with the keyword "mxfile".
func pngContent(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, pngMagic) {
		return nil, errors.New("not a PNG file")
	}
	rest := data[len(pngMagic):]
	for len(rest) > 0 {
		if len(rest) < 12 {
			return nil, errors.New("the PNG file ends early (truncated?)")
		}
		n := binary.BigEndian.Uint32(rest)
		typ := string(rest[4:8])
		if uint64(n) > uint64(len(rest)-12) {
			return nil, fmt.Errorf("the PNG file ends early in a %s chunk (truncated?)", typ)
		}
		body := rest[8 : 8+n]
		rest = rest[12+n:]
		switch typ {
		case "tEXt", "zTXt", "iTXt":
			kw, text, ok := bytes.Cut(body, []byte{0})
			if !ok || string(kw) != "mxfile" {
				continue
			}
			s, err := pngText(typ, text)
			if err != nil {
				return nil, fmt.Errorf("PNG %s chunk mxfile: %v", typ, err)
			}
			return embedded(s)
		case "IEND":
			rest = nil
		}
	}
	return nil, errors.New("the PNG holds no draw.io drawing (no mxfile text chunk): export it from draw.io with \"Include a copy of my diagram\"")
}

// pngText returns the text of a tEXt, zTXt or iTXt chunk after its keyword.
func pngText(typ string, b []byte) (string, error) {
	switch typ {
	case "tEXt":
		return string(b), nil
	case "zTXt":
		if len(b) < 1 {
			return "", errors.New("empty")
		}
		return inflateZlib(b[1:])
	}
	// iTXt: compression flag, method, language tag\0, translated keyword\0, text.
	if len(b) < 2 {
		return "", errors.New("empty")
	}
	compressed := b[0] == 1
	parts := bytes.SplitN(b[2:], []byte{0}, 3)
	if len(parts) != 3 {
		return "", errors.New("malformed iTXt chunk")
	}
	if compressed {
		return inflateZlib(parts[2])
	}
	return string(parts[2]), nil
}

func inflateZlib(b []byte) (string, error) {
	zr, err := zlib.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", fmt.Errorf("not zlib data: %v", err)
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, maxPageBytes+1))
	if err != nil {
		return "", fmt.Errorf("not zlib data: %v", err)
	}
	if len(out) > maxPageBytes {
		return "", fmt.Errorf("larger than %d MB once decompressed", maxPageBytes>>20)
	}
	return string(out), nil
}
