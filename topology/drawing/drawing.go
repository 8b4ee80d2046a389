// Package drawing reads the network diagrams agencies already draw into a
// model fragment: draw.io files (.drawio, .drawio.xml, an .xml whose root
// is <mxfile>, and the .drawio.svg and .drawio.png that embed one) and
// Visio .vsdx files.
//
// A shape's stencil gives the device type, a container gives a site, a
// connector a link, a label a name, and custom properties named like the
// proposal format's fields (zone, security, medium, encryption, fips, ...)
// set those fields. What a drawing does not say stays unset; a shape that
// is not recognized is a warning at its place, file#Page!cell, never
// dropped silently. docs/drawings.md documents the mapping.
package drawing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/netreview/netreview/topology"
)

// IsDrawing reports whether path names a drawing by its extension: .drawio,
// .vsdx, .vsd, .drawio.svg, .drawio.png, or .xml (read when its root is
// <mxfile>).
func IsDrawing(path string) bool {
	p := strings.ToLower(path)
	switch filepath.Ext(p) {
	case ".drawio", ".vsdx", ".vsd", ".xml":
		return true
	case ".svg", ".png":
		return strings.HasSuffix(strings.TrimSuffix(p, filepath.Ext(p)), ".drawio")
	}
	return false
}

// Read reads the drawing at path into a model fragment of one document.
// Errors are a topology.ErrorList whose places name the file, and for a
// problem with one shape its page and cell (net.drawio#Page-1!cell-42).
func Read(path string) (*topology.Model, []*topology.Warning, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fail(path, unwrapPath(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, nil, fail(path, err)
	}
	if len(data) > maxFileBytes {
		return nil, nil, fail(path, fmt.Errorf("the drawing is larger than %d MB", maxFileBytes>>20))
	}
	return readBytes(path, data)
}

// readBytes reads a drawing held in data; path names it in places and
// chooses its form by extension, as for Read.
func readBytes(path string, data []byte) (*topology.Model, []*topology.Warning, error) {
	pages, err := readPages(path, data)
	if err != nil {
		return nil, nil, fail(path, err)
	}
	b := newBuilder(path)
	for _, p := range pages {
		b.addPage(p)
	}
	return b.fragment()
}

func readPages(path string, data []byte) ([]*page, error) {
	p := strings.ToLower(path)
	switch filepath.Ext(p) {
	case ".vsd":
		return nil, errors.New("a Visio .vsd file is the old binary format, which netreview does not read: open it in Visio and save it as .vsdx (File > Save As > Visio Drawing)")
	case ".vsdx":
		return readVisio(data)
	case ".svg":
		doc, err := svgContent(data)
		if err != nil {
			return nil, err
		}
		return readMxfile(doc)
	case ".png":
		doc, err := pngContent(data)
		if err != nil {
			return nil, err
		}
		return readMxfile(doc)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, errors.New("this is a zip file, not a draw.io drawing (a Visio drawing must be named .vsdx)")
	}
	return readMxfile(data)
}

func fail(path string, err error) error {
	return topology.ErrorList{topology.Errorf(topology.Pos{File: path}, "%v", err)}
}

// unwrapPath drops the path from a *PathError, which the place already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
