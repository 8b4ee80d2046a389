package draw

import (
	"fmt"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/tdewolff/canvas"
)

// FontName is the family every diagram is set in: Liberation Sans (SIL Open
// Font License 1.1, shipped as Go module github.com/go-fonts/liberation),
// whose glyphs have Arial's widths, which are Graphviz's built-in metrics
// for the name. So the text Graphviz measures for its layout is the text
// drawn here, in PNG and PDF, and in SVG through an embedded @font-face.
const FontName = "Liberation Sans"

// face is one style of the font and its TrueType program.
type face struct {
	ttf    []byte
	style  canvas.FontStyle
	weight string // CSS font-weight
	italic bool
}

var faces = []face{
	{liberationsansregular.TTF, canvas.FontRegular, "normal", false},
	{liberationsansbold.TTF, canvas.FontBold, "bold", false},
	{liberationsansitalic.TTF, canvas.FontItalic, "normal", true},
	{liberationsansbolditalic.TTF, canvas.FontBold | canvas.FontItalic, "bold", true},
}

// loadFamily loads the font's four styles.
func loadFamily() (*canvas.FontFamily, error) {
	fam := canvas.NewFontFamily(FontName)
	for _, f := range faces {
		if err := fam.LoadFont(f.ttf, 0, f.style); err != nil {
			return nil, fmt.Errorf("draw: loading %s: %w", FontName, err)
		}
	}
	return fam, nil
}
