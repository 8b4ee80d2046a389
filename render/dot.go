package render

import (
	"bufio"
	"io"
	"strings"
)

// This file is a small DOT writer: graphs are built as values and written
// with every identifier and string quoted and escaped, so that no input text
// can change the structure of the DOT.

// attr is one attribute; html values are written as <...> HTML-like labels
// and must already be well-formed, with text escaped by htmlText.
type attr struct {
	key, val string
	html     bool
}

// attrs is an ordered attribute list: written in the order set.
type attrs []attr

// set sets key to a plain string value, replacing an earlier value.
func (a *attrs) set(key, val string) { a.put(attr{key: key, val: val}) }

// setHTML sets key to an HTML-like label.
func (a *attrs) setHTML(key, val string) { a.put(attr{key: key, val: val, html: true}) }

func (a *attrs) put(at attr) {
	for i := range *a {
		if (*a)[i].key == at.key {
			(*a)[i] = at
			return
		}
	}
	*a = append(*a, at)
}

// get returns the value of key, or "".
func (a attrs) get(key string) string {
	for _, at := range a {
		if at.key == key {
			return at.val
		}
	}
	return ""
}

type dotNode struct {
	id    string
	attrs attrs
	// decor marks a node that draws text, not an element of the model
	// (a site's label): it is not counted.
	decor bool
}

type dotEdge struct {
	a, b  string
	attrs attrs
}

type dotCluster struct {
	id       string
	attrs    attrs
	nodes    []*dotNode
	clusters []*dotCluster
}

// dotGraph is an undirected graph with clusters.
type dotGraph struct {
	name      string
	attrs     attrs
	nodeAttrs attrs
	edgeAttrs attrs
	clusters  []*dotCluster
	nodes     []*dotNode
	edges     []*dotEdge
	// same lists groups of nodes that dot puts in one rank
	// ({rank=same; ...}).
	same [][]string
}

// turned returns a copy of g ranked left to right (dot's rankdir=LR): a
// wide diagram drawn tall, for a portrait page.
func (g *dotGraph) turned() *dotGraph {
	t := *g
	t.attrs = append(attrs{}, g.attrs...)
	t.attrs.set("rankdir", "LR")
	return &t
}

// write writes g in the DOT language.
func (g *dotGraph) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("graph " + quote(g.name) + " {\n")
	writeStmt(bw, "\t", "graph", g.attrs)
	writeStmt(bw, "\t", "node", g.nodeAttrs)
	writeStmt(bw, "\t", "edge", g.edgeAttrs)
	for _, c := range g.clusters {
		writeCluster(bw, "\t", c)
	}
	for _, n := range g.nodes {
		writeStmt(bw, "\t", quote(n.id), n.attrs)
	}
	for _, e := range g.edges {
		writeStmt(bw, "\t", quote(e.a)+" -- "+quote(e.b), e.attrs)
	}
	for _, ids := range g.same {
		bw.WriteString("\t{rank=same;")
		for _, id := range ids {
			bw.WriteString(" " + quote(id) + ";")
		}
		bw.WriteString("}\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

func writeCluster(bw *bufio.Writer, indent string, c *dotCluster) {
	bw.WriteString(indent + "subgraph " + quote("cluster_"+c.id) + " {\n")
	in := indent + "\t"
	writeStmt(bw, in, "graph", c.attrs)
	for _, sub := range c.clusters {
		writeCluster(bw, in, sub)
	}
	for _, n := range c.nodes {
		writeStmt(bw, in, quote(n.id), n.attrs)
	}
	bw.WriteString(indent + "}\n")
}

func writeStmt(bw *bufio.Writer, indent, head string, as attrs) {
	if len(as) == 0 && (head == "graph" || head == "node" || head == "edge") {
		return
	}
	bw.WriteString(indent + head)
	if len(as) > 0 {
		bw.WriteString(" [")
		for i, a := range as {
			if i > 0 {
				bw.WriteString(", ")
			}
			bw.WriteString(a.key + "=")
			if a.html {
				bw.WriteString("<" + a.val + ">")
			} else {
				bw.WriteString(quote(a.val))
			}
		}
		bw.WriteString("]")
	}
	bw.WriteString(";\n")
}

// quote returns s as a DOT double-quoted string. Backslashes are doubled so
// that Graphviz's label escapes (\N, \G, \l) cannot be smuggled in; newlines
// become \n, a centered line break.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// htmlText escapes s for the text of an HTML-like label.
func htmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
