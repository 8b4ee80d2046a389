package layout

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/netreview/netreview/render"
)

const twoNodes = `graph g { a -- b }`

func TestLayout(t *testing.T) {
	l := New()
	defer l.Close()
	ctx := context.Background()
	svg, err := l.Layout(ctx, []byte(twoNodes), "dot", "svg")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(svg, []byte("<svg")) || !bytes.Contains(svg, []byte(">a</text>")) {
		t.Errorf("svg: %.300s", svg)
	}
	js, err := l.Layout(ctx, []byte(twoNodes), "sfdp", "json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Objects []struct{ Name string } `json:"objects"`
	}
	if err := json.Unmarshal(js, &v); err != nil || len(v.Objects) != 2 {
		t.Errorf("json: %v, %d objects: %.300s", err, len(v.Objects), js)
	}
}

func TestLayoutErrors(t *testing.T) {
	l := New()
	defer l.Close()
	tests := []struct{ dot, engine, format, want string }{
		{twoNodes, "circo", "svg", `unknown engine "circo"`},
		{twoNodes, "dot", "png", `unknown output format "png"`},
		{`graph g { a -- `, "dot", "svg", "cannot parse the DOT"},
	}
	for _, tt := range tests {
		_, err := l.Layout(context.Background(), []byte(tt.dot), tt.engine, tt.format)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s %s %q: %v, want %q", tt.engine, tt.format, tt.dot, err, tt.want)
		}
	}
}

// job returns a job to draw twoNodes in format on page, as JSON.
func job(format, page string) string {
	j := &render.Job{Format: render.Format(format), Page: render.Page(page),
		Heading: render.Graph{Engine: "dot", DOT: `graph h { h [shape=plain, label="FOR OFFICIAL USE ONLY"] }`},
		Diagram: render.Graph{Engine: "dot", DOT: twoNodes}}
	b, err := json.Marshal(j)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// TestCrashIsOneLine: a panic while drawing becomes an error and the
// internal-error status, never a stack trace.
func TestCrashIsOneLine(t *testing.T) {
	_, code, err := once(nil, func(*Layouter) ([]byte, error) { panic("path has NaN or Inf") })
	if code != exitInternal || err == nil || err.Error() != "internal error: path has NaN or Inf" {
		t.Errorf("once: %d, %v", code, err)
	}
	if _, code, err := once(nil, func(*Layouter) ([]byte, error) { return nil, errors.New("no") }); code != exitFailed || err == nil {
		t.Errorf("once: %d, %v", code, err)
	}
}

func TestHelperProgram(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		out, errms string
	}{
		{"svg", nil, twoNodes, 0, "<svg", ""},
		{"json", []string{"-format", "json", "-engine", "neato"}, twoNodes, 0, `"objects"`, ""},
		{"bad dot", nil, "graph {", 1, "", "netreview-graphviz: layout: graphviz cannot parse"},
		{"empty", nil, " \n", 1, "", "netreview-graphviz: layout: the DOT is empty: nothing to lay out\n"},
		{"trace", []string{"-trace", "-engine", "sfdp"}, twoNodes, 0, "<svg", "trace: layout (sfdp)"},
		{"trace job", []string{"-job", "-trace"}, job("png", "slide"), 0, "\x89PNG", "trace: draw (png)"},
		{"bad engine", []string{"-engine", "circo"}, twoNodes, 1, "", "unknown engine"},
		{"argument", []string{"in.dot"}, "", 2, "", "read from standard input"},
		{"bad flag", []string{"-x"}, "", 2, "", "usage: netreview-graphviz"},
		{"help", []string{"-h"}, "", 0, "", "lays out Graphviz\nDOT"},
		{"job svg", []string{"-job"}, job("svg", "slide"), 0, "<svg", ""},
		{"job png", []string{"-job"}, job("png", "letter"), 0, "\x89PNG", ""},
		{"job pdf", []string{"-job"}, job("pdf", "poster"), 0, "%PDF-", ""},
		{"job bad format", []string{"-job"}, job("gif", "poster"), 2, "", `unknown format "gif"`},
		{"job bad page", []string{"-job"}, job("png", "a4"), 2, "", `unknown page "a4"`},
		{"job not json", []string{"-job"}, twoNodes, 2, "", "reading the job"},
		{"job empty heading", []string{"-job"}, strings.Replace(job("svg", "poster"), `"dot":"graph h { h [shape=plain, label=\"FOR OFFICIAL USE ONLY\"] }"`, `"dot":""`, 1), 1, "", "the DOT is empty: nothing to lay out (the heading)\n"},
		{"job bad dot", []string{"-job"}, strings.Replace(job("svg", "poster"), "a -- b", "a --", 1), 1, "", "near '}' (the diagram)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := Main(tt.args, strings.NewReader(tt.stdin), &out, &errb)
			if code != tt.code || !strings.Contains(out.String(), tt.out) || !strings.Contains(errb.String(), tt.errms) {
				t.Errorf("exit %d (want %d)\nstdout %.200q (want %q)\nstderr %q (want %q)", code, tt.code, out.String(), tt.out, errb.String(), tt.errms)
			}
		})
	}
}

// FuzzReadJob: any input the helper reads is a job or an error, never a
// panic. (Here and not in package render, whose test binary stands in for
// the helper in its children, the fuzzing workers among them.)
func FuzzReadJob(f *testing.F) {
	f.Add(job("svg", "letter"))
	f.Add(`{"format":"png","page":"slide","heading":{"engine":"dot","dot":"x"},"diagram":{"engine":"circo","dot":"x"}}`)
	f.Fuzz(func(t *testing.T, s string) {
		if j, err := render.ReadJob(strings.NewReader(s)); err == nil && j.Diagram.DOT == "" {
			t.Error("a job without a diagram")
		}
	})
}

// TestTrace: -trace names each phase of a run, with its times, and their
// total.
func TestTrace(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main([]string{"-trace", "-job"}, strings.NewReader(job("pdf", "letter")), &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	var phases []string
	for _, l := range lines {
		f := strings.Fields(strings.TrimPrefix(l, "netreview-graphviz: trace: "))
		if !strings.HasPrefix(l, "netreview-graphviz: trace: ") || len(f) < 3 {
			t.Fatalf("not a trace line: %q", l)
		}
		if f[0] == "compiled" {
			continue
		}
		phases = append(phases, strings.Join(f[:len(f)-2], " "))
	}
	want := []string{"phase wall ms", "start", "read input", "read job", "graphviz context",
		"parse", "layout (dot)", "output (json)", "parse", "layout (dot)", "output (json)",
		"draw (pdf)", "write output", "total"}
	if strings.Join(phases, "|") != strings.Join(want, "|") {
		t.Errorf("phases:\n%q\nwant\n%q", phases, want)
	}
	if !strings.Contains(lines[len(lines)-1], "compiled module cache: ") {
		t.Errorf("last line %q", lines[len(lines)-1])
	}
}
