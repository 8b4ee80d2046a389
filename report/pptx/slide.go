package pptx

import (
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
)

// slideWriter writes one slide part, adding its pictures and charts to the
// package.
type slideWriter struct {
	p      *pkg
	name   string // the slide's part name
	media  *int   // pictures written so far, in the whole deck
	charts *int   // charts written so far
	x      *xmlWriter
	shape  int // the last shape id used on the slide
}

func (s *slideWriter) slide(sl *Slide) ([]byte, error) {
	s.x = newXML()
	s.x.open("p:sld", "xmlns:a", nsA, "xmlns:r", nsR, "xmlns:p", nsP)
	s.x.raw(`<p:cSld><p:spTree>` + emptyTree)
	s.shape = 1
	for _, it := range sl.Items {
		s.shape++
		var err error
		switch {
		case it.Text != nil:
			s.text(it.Text)
		case it.Picture != nil:
			err = s.picture(it.Picture)
		case it.Chart != nil:
			err = s.chart(it.Chart)
		}
		if err != nil {
			return nil, err
		}
	}
	s.x.raw(`</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>`)
	s.x.close("p:sld")
	return s.x.bytes(), nil
}

// xfrm writes a shape's position and size.
func (s *slideWriter) xfrm(tag string, r Rect) {
	s.x.open(tag)
	s.x.empty("a:off", "x", emu(r.X), "y", emu(r.Y))
	s.x.empty("a:ext", "cx", emu(r.W), "cy", emu(r.H))
	s.x.close(tag)
}

func (s *slideWriter) nvPr(tag, name, descr string, inner string) {
	s.x.open(tag)
	attrs := []string{"id", strconv.Itoa(s.shape), "name", name}
	if descr != "" {
		attrs = append(attrs, "descr", descr)
	}
	s.x.empty("p:cNvPr", attrs...)
	s.x.raw(inner)
	s.x.empty("p:nvPr")
	s.x.close(tag)
}

var anchors = map[string]string{"": "t", "top": "t", "middle": "ctr", "bottom": "b"}

var aligns = map[string]string{"": "l", "left": "l", "center": "ctr", "right": "r"}

func (s *slideWriter) text(t *Text) {
	x := s.x
	x.open("p:sp")
	s.nvPr("p:nvSpPr", fmt.Sprintf("Text %d", s.shape-1), "", `<p:cNvSpPr txBox="1"/>`)
	x.open("p:spPr")
	s.xfrm("a:xfrm", t.Box)
	x.raw(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>`)
	if t.Fill != "" {
		solidFill(x, t.Fill)
	} else {
		x.empty("a:noFill")
	}
	x.close("p:spPr")
	x.open("p:txBody")
	in := emu(t.Inset)
	x.open("a:bodyPr", "wrap", "square", "lIns", in, "tIns", in, "rIns", in, "bIns", in, "anchor", anchors[t.Anchor], "rtlCol", "0")
	x.empty("a:noAutofit")
	x.close("a:bodyPr")
	x.empty("a:lstStyle")
	for _, p := range t.Paras {
		s.para(&p)
	}
	if len(t.Paras) == 0 {
		x.raw(`<a:p><a:endParaRPr lang="en-US"/></a:p>`)
	}
	x.close("p:txBody")
	x.close("p:sp")
}

func solidFill(x *xmlWriter, color string) {
	x.open("a:solidFill")
	x.empty("a:srgbClr", "val", strings.ToUpper(color))
	x.close("a:solidFill")
}

func (s *slideWriter) para(p *Para) {
	x := s.x
	x.open("a:p")
	attrs := []string{"algn", aligns[p.Align]}
	if p.Indent > 0 || p.Bullet {
		attrs = append(attrs, "marL", emu(p.Indent))
	}
	if p.Bullet {
		attrs = append(attrs, "indent", "-"+emu(p.Indent))
	}
	x.open("a:pPr", attrs...)
	if p.SpaceBefore > 0 {
		x.raw(`<a:spcBef><a:spcPts val="` + hundredths(p.SpaceBefore) + `"/></a:spcBef>`)
	}
	if p.Bullet {
		x.empty("a:buFont", "typeface", "Arial")
		x.empty("a:buChar", "char", "•")
	} else {
		x.empty("a:buNone")
	}
	x.close("a:pPr")
	for _, r := range p.Runs {
		for i, line := range strings.Split(r.Text, "\n") {
			if i > 0 {
				x.empty("a:br")
			}
			if line == "" {
				continue
			}
			x.open("a:r")
			s.rPr("a:rPr", p, &r)
			x.elem("a:t", line)
			x.close("a:r")
		}
	}
	x.empty("a:endParaRPr", "lang", "en-US", "sz", hundredths(p.Size))
	x.close("a:p")
}

// rPr writes a run's properties.
func (s *slideWriter) rPr(tag string, p *Para, r *Run) {
	size := p.Size
	if r.Size > 0 {
		size = r.Size
	}
	attrs := []string{"lang", "en-US", "sz", hundredths(size)}
	if r.Bold {
		attrs = append(attrs, "b", "1")
	}
	attrs = append(attrs, "dirty", "0")
	if r.Color == "" {
		s.x.empty(tag, attrs...)
		return
	}
	s.x.open(tag, attrs...)
	solidFill(s.x, r.Color)
	s.x.close(tag)
}

func (s *slideWriter) picture(pic *Picture) error {
	w, h, err := pic.Size()
	if err != nil {
		return err
	}
	// A picture used again (the same diagram on several slides) is stored
	// once.
	sum := sha256.Sum256(pic.PNG)
	media, ok := s.p.media[sum]
	if !ok {
		*s.media++
		media = fmt.Sprintf("ppt/media/image%d.png", *s.media)
		s.p.add(media, "", pic.PNG)
		s.p.media[sum] = media
	}
	id := s.p.relate(s.name, relImage, media)
	x := s.x
	x.open("p:pic")
	s.nvPr("p:nvPicPr", fmt.Sprintf("Picture %d", s.shape-1), pic.Descr, `<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr>`)
	x.open("p:blipFill")
	x.empty("a:blip", "r:embed", id)
	x.raw(`<a:stretch><a:fillRect/></a:stretch>`)
	x.close("p:blipFill")
	x.open("p:spPr")
	s.xfrm("a:xfrm", Fit(pic.Box, w, h))
	x.raw(`<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>`)
	x.close("p:spPr")
	x.close("p:pic")
	return nil
}

func (s *slideWriter) chart(c *Chart) error {
	*s.charts++
	n := *s.charts
	part := fmt.Sprintf("ppt/charts/chart%d.xml", n)
	book := fmt.Sprintf("ppt/embeddings/Microsoft_Excel_Worksheet%d.xlsx", n)
	data, err := chartWorkbook(c)
	if err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	s.p.add(book, "", data)
	bookID := s.p.relate(part, relPackage, book)
	s.p.add(part, ctChart, chartXML(c, bookID))
	id := s.p.relate(s.name, relChart, part)
	x := s.x
	x.open("p:graphicFrame")
	s.nvPr("p:nvGraphicFramePr", fmt.Sprintf("Chart %d", s.shape-1), c.Title, `<p:cNvGraphicFramePr/>`)
	s.xfrm("p:xfrm", c.Box)
	x.open("a:graphic")
	x.open("a:graphicData", "uri", nsC)
	x.empty("c:chart", "xmlns:c", nsC, "r:id", id)
	x.close("a:graphicData")
	x.close("a:graphic")
	x.close("p:graphicFrame")
	return nil
}
